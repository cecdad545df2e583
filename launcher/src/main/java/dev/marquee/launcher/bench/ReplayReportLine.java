package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.marquee.boxoffice.rebuild.RebuildReport;
import dev.marquee.boxoffice.replay.ReplayReport;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The figures of one replay run: production, rebuild and analysts' replay, and whether both equal what was produced. */
record ReplayReportLine(SalesPlan plan, long produced, Duration producing, RebuildReport rebuild, ReplayReport replay,
                        long rebuildMismatches, long replayMismatches) {

    boolean ok() {
        return rebuild.events() == produced && replay.events() == produced && rebuildMismatches == 0
                && replayMismatches == 0 && rebuild.undecodable() == 0 && rebuild.swapped();
    }

    void print(PrintStream out) throws Exception {
        out.printf("%nreplay: %d events produced in %.1f s (%d movies, %d cinemas, %.0f%% of sales refunded)%n",
                produced, producing.toMillis() / 1000.0, plan.movies(), plan.cinemas(), plan.refunds() * 100);
        out.printf("rebuild:  %d events in %.2f s wall time = %.0f events/s (reading and folding %.0f events/s,"
                        + " writing %d cells and %d orders %.2f s); swapped in: %s%n", rebuild.events(),
                rebuild.wallTime().toMillis() / 1000.0, rebuild.eventsPerSecond(), rebuild.readEventsPerSecond(),
                rebuild.cells(), rebuild.orders(), rebuild.writeTime().toMillis() / 1000.0, rebuild.swapped());
        out.printf("replay:   %d events into rankings in %.2f s = %.0f events/s, no consumer group%n", replay.events(),
                replay.took().toMillis() / 1000.0, replay.eventsPerSecond());
        out.printf("checks:   rebuilt movies differing from what was produced %d, replayed %d, events read %d/%d: %s%n",
                rebuildMismatches, replayMismatches, rebuild.events(), produced, ok() ? "OK" : "FAILED");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", "replay");
        json.put("events", produced);
        json.put("produceSeconds", producing.toMillis() / 1000.0);
        json.put("rebuildSeconds", rebuild.wallTime().toMillis() / 1000.0);
        json.put("rebuildEventsPerSecond", Math.round(rebuild.eventsPerSecond()));
        json.put("rebuildReadEventsPerSecond", Math.round(rebuild.readEventsPerSecond()));
        json.put("replaySeconds", replay.took().toMillis() / 1000.0);
        json.put("replayEventsPerSecond", Math.round(replay.eventsPerSecond()));
        json.put("invariants", Map.of("rebuildMismatches", rebuildMismatches, "replayMismatches", replayMismatches,
                "eventsRead", rebuild.events(), "ok", ok()));
        out.println(JsonMapper.builderWithJackson2Defaults().build().writeValueAsString(json));
    }
}
