package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one flash sale and its invariants, as a few lines for people and one line of JSON for machines.
 * Times are milliseconds; a figure that does not apply (no sell-out, no decision) is null.
 */
record FlashSaleReport(FlashSalePlan plan, int capacity, EdgeLog edge, DecisionMatch decisions, Stages stages,
                       Milestones milestones, long decisionEvents, Invariants invariants, boolean timedOut,
                       long durationMs, AuthCost auth) {

    private static final ObjectMapper JSON = JsonMapper.builderWithJackson2Defaults().build();

    /** Seconds from the first send to the last answer at the edge (0 when nothing was answered). */
    double edgeSeconds() {
        if (edge.lastAnswerNanos() == Long.MIN_VALUE) {
            return 0;
        }
        long span = edge.lastAnswerNanos() - edge.firstSendNanos();
        return span > 0 ? round(span / 1e9) : 0;
    }

    double edgeAcceptRate() {
        return edgeSeconds() > 0 ? round(edge.accepted() / edgeSeconds()) : 0;
    }

    void print(PrintStream out) {
        out.printf("%nflash-sale: %d attempts on screening %d (%d seats), %d clients, rate %s, 1-%d %s, seed %d%s%n",
                plan.attempts(), plan.screeningId(), capacity, plan.clients(), plan.rate() > 0 ? plan.rate() + "/s" : "max",
                plan.maxSeats(), plan.any() ? "seats, any (best available)" : "neighbouring seats", plan.seed(),
                timedOut ? ", TIMED OUT" : "");
        out.printf("edge:       sent %d, accepted %d (%.1f orders/s over %.1f s), refused %d %s, errors %d %s%n",
                edge.sent(), edge.accepted(), edgeAcceptRate(), edgeSeconds(), edge.refusedTotal(),
                edge.refusedByCode(), edge.errorsTotal(), edge.errorsByKind());
        out.printf("decisions:  %d events (%.1f/s); %d orders held, %d rejected; %d of %d seats held; first decision"
                        + " %s ms after the first send, sold out %s, last decision %s ms after the last send%n",
                decisionEvents, milestones.decisionsPerSecond(), decisions.held(), decisions.rejected(),
                invariants.seatsHeld(), capacity, milestones.firstDecisionMs(),
                milestones.sellOutMs() == null ? "never" : "after " + milestones.sellOutMs() + " ms",
                milestones.lastDecisionAfterLastSendMs());
        out.println("latency from the intended send time:");
        out.println("  edge (202 or 4xx)             " + percentiles(edge.latency()));
        out.println("  edge, the 202s only           " + percentiles(edge.acceptedLatency()));
        out.println("  decision                      " + percentiles(decisions.latency()));
        out.println("  decision, while seats left    " + percentiles(decisions.latencyBeforeSellOut()));
        out.println("  accepted orders' decision     " + percentiles(decisions.pipelineLatency()));
        out.println("    while seats left            " + percentiles(decisions.pipelineLatencyBeforeSellOut()));
        out.println("after the 202:");
        out.println("  relay to order-requests       " + percentiles(stages.relay()));
        out.println("  allocator to seat-events      " + percentiles(stages.allocator()));
        out.println("  seat-events to this tap       " + percentiles(stages.tap()));
        out.printf("invariants: oversold %d, missing %d, duplicate %d, conflicting %d, db claims %d vs held %d,"
                        + " held %d + free %d of %d, errored attempts %d%s: %s%n", invariants.oversold(),
                invariants.missingDecisions(), invariants.duplicateDecisions(), invariants.conflictingDecisions(),
                invariants.dbClaims(), invariants.seatsHeld(), invariants.seatsHeld(), invariants.freeSeats(), capacity,
                invariants.erroredAttempts(), invariants.timedOut() ? ", timed out" : "",
                invariants.ok() ? "OK" : "FAILED");
        if (auth != null) {
            out.println(auth);
        }
        out.println(json());
        out.flush();
    }

    String json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("scenario", "flash-sale");
        j.put("attempts", plan.attempts());
        j.put("screening", plan.screeningId());
        j.put("clients", plan.clients());
        j.put("rate", plan.rate());
        j.put("maxSeats", plan.maxSeats());
        j.put("any", plan.any());
        j.put("seed", plan.seed());
        j.put("capacity", capacity);
        j.put("sent", edge.sent());
        j.put("accepted", edge.accepted());
        j.put("refused", edge.refusedTotal());
        j.put("refusedByCode", edge.refusedByCode());
        j.put("errors", edge.errorsByKind());
        j.put("edgeSeconds", edgeSeconds());
        j.put("edgeAcceptRate", edgeAcceptRate());
        j.put("edgeLatencyMs", latency(edge.latency()));
        j.put("acceptedEdgeLatencyMs", latency(edge.acceptedLatency()));
        j.put("decisionEvents", decisionEvents);
        j.put("decisionsPerSecond", milestones.decisionsPerSecond());
        j.put("ordersHeld", decisions.held());
        j.put("ordersRejected", decisions.rejected());
        j.put("unknownOrderDecisions", decisions.unknown());
        j.put("seatsHeld", invariants.seatsHeld());
        j.put("timeToFirstDecisionMs", milestones.firstDecisionMs());
        j.put("timeToSellOutMs", milestones.sellOutMs());
        j.put("timeToLastDecisionMs", milestones.lastDecisionAfterLastSendMs());
        j.put("decisionLatencyMs", latency(decisions.latency()));
        j.put("decisionLatencyBeforeSellOutMs", latency(decisions.latencyBeforeSellOut()));
        j.put("acceptedDecisionLatencyMs", latency(decisions.pipelineLatency()));
        j.put("acceptedDecisionLatencyBeforeSellOutMs", latency(decisions.pipelineLatencyBeforeSellOut()));
        Map<String, Object> stagesMs = new LinkedHashMap<>();
        stagesMs.put("relay", latency(stages.relay()));
        stagesMs.put("allocator", latency(stages.allocator()));
        stagesMs.put("tap", latency(stages.tap()));
        j.put("stagesMs", stagesMs);
        j.put("timedOut", timedOut);
        j.put("durationMs", durationMs);
        j.put("invariants", invariantsJson());
        j.put("authVerify", auth == null ? null : auth.json());
        try {
            return JSON.writeValueAsString(j);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> invariantsJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("oversold", invariants.oversold());
        j.put("missingDecisions", invariants.missingDecisions());
        j.put("duplicateDecisions", invariants.duplicateDecisions());
        j.put("conflictingDecisions", invariants.conflictingDecisions());
        j.put("dbClaims", invariants.dbClaims());
        j.put("dbClaimsMatchHeld", invariants.dbClaimsMatchHeld());
        j.put("freeSeats", invariants.freeSeats());
        j.put("heldPlusFreeIsCapacity", invariants.heldPlusFreeIsCapacity());
        j.put("erroredAttempts", invariants.erroredAttempts());
        j.put("timedOut", invariants.timedOut());
        j.put("ok", invariants.ok());
        return j;
    }

    private static Map<String, Object> latency(Histogram micros) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("count", micros.getTotalCount());
        j.put("p50", ms(micros.getValueAtPercentile(50)));
        j.put("p99", ms(micros.getValueAtPercentile(99)));
        j.put("p999", ms(micros.getValueAtPercentile(99.9)));
        j.put("max", ms(micros.getMaxValue()));
        return j;
    }

    private static String percentiles(Histogram micros) {
        return "p50 %8.1f ms, p99 %8.1f ms, p99.9 %8.1f ms, max %8.1f ms (n=%d)".formatted(
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), micros.getTotalCount());
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
