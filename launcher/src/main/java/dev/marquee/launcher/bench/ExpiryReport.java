package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The figures of one expiry run and its invariant checks; printed for people, then as one line of JSON. */
record ExpiryReport(ExpiryPlan plan, Set<String> unpaid, List<String> paid, Map<String, Instant> deadlines,
                    Map<String, Instant> releasedAt, ExpiryEvents events, Map<String, String> status,
                    long unpaidSeatsNotFree) {

    /** Unpaid orders not released, not {@code EXPIRED}, or without their {@code OrderExpired}. */
    long notReleased() {
        return unpaid.stream().filter(o -> !releasedAt.containsKey(o) || !"EXPIRED".equals(status.get(o))
                || events.orderExpired(o) == 0).count();
    }

    /** Orders that expired more than once: two {@code OrderExpired}, or two expiry releases, whatever their ids. */
    long expiredTwice() {
        return events.orders().stream().filter(o -> events.orderExpired(o) > 1 || events.released(o) > 1).count();
    }

    long paidButExpired() {
        return paid.stream().filter(o -> events.orderExpired(o) > 0 || events.released(o) > 0
                || !"PAID".equals(status.get(o))).count();
    }

    boolean ok() {
        return notReleased() == 0 && expiredTwice() == 0 && paidButExpired() == 0 && unpaidSeatsNotFree == 0;
    }

    void print(PrintStream out) throws Exception {
        Histogram lag = new Histogram(3_600_000L, 3);
        Instant first = null;
        Instant last = null;
        for (var release : releasedAt.entrySet()) {
            Instant deadline = deadlines.get(release.getKey());
            if (deadline != null && unpaid.contains(release.getKey())) {
                lag.recordValue(Math.max(0, Duration.between(deadline, release.getValue()).toMillis()));
                first = first == null || release.getValue().isBefore(first) ? release.getValue() : first;
                last = last == null || release.getValue().isAfter(last) ? release.getValue() : last;
            }
        }
        double seconds = first == null ? 0 : Math.max(1, Duration.between(first, last).toMillis()) / 1000.0;
        long peak = releasedAt.entrySet().stream().filter(e -> unpaid.contains(e.getKey()))
                .collect(Collectors.groupingBy(e -> e.getValue().getEpochSecond(),
                        Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
        double perSecond = seconds == 0 ? 0 : lag.getTotalCount() / seconds;
        out.printf("%nexpiry: %d holds of %d s, %d never paid; worker sweeps every %d ms%n", unpaid.size() + paid.size(),
                plan.hold().toSeconds(), unpaid.size(), plan.sweepInterval().toMillis());
        out.printf("lag from the hold's deadline to SeatsReleased: p50 %d ms, p99 %d ms, max %d ms (n=%d)%n",
                lag.getValueAtPercentile(50), lag.getValueAtPercentile(99), lag.getMaxValue(), lag.getTotalCount());
        out.printf("releases:   %d released over %.2f s, first to last (%.0f/s: the pace at which holds lapsed);"
                + " peak %d in one second%n", lag.getTotalCount(), seconds, perSecond, peak);
        out.printf("invariants: not released %d, expired twice %d, paid but expired %d, released seats not free %d: %s%n",
                notReleased(), expiredTwice(), paidButExpired(), unpaidSeatsNotFree, ok() ? "OK" : "FAILED");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", "expiry");
        json.put("orders", unpaid.size() + paid.size());
        json.put("unpaid", unpaid.size());
        json.put("holdSeconds", plan.hold().toSeconds());
        json.put("sweepIntervalMs", plan.sweepInterval().toMillis());
        json.put("expiryLagMs", Map.of("count", lag.getTotalCount(), "p50", lag.getValueAtPercentile(50),
                "p99", lag.getValueAtPercentile(99), "max", lag.getMaxValue()));
        json.put("releasesPerSecond", Math.round(perSecond * 10) / 10.0);
        json.put("peakReleasesInOneSecond", peak);
        json.put("invariants", Map.of("notReleased", notReleased(), "expiredTwice", expiredTwice(),
                "paidButExpired", paidButExpired(), "releasedSeatsNotFree", unpaidSeatsNotFree, "ok", ok()));
        out.println(JsonMapper.builderWithJackson2Defaults().build().writeValueAsString(json));
    }
}
