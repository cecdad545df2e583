package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.marquee.gateway.simulator.DeliveryStats;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The figures of one payment run and its invariant checks; printed for people, then as one line of JSON. */
record PaymentsReport(PaymentsPlan plan, int orders, double seconds, DeliveryStats deliveries,
                      Map<String, Instant> paidAt, Map<String, Instant> sentAt, Map<String, Boolean> late,
                      Invariants invariants) {

    /**
     * @param chargedTwice      orders for which the gateway kept more than one charge (extra charges not refunded)
     * @param paidWithoutCharge PAID orders without a kept charge at the gateway
     * @param soldMismatch      sold seats of unpaid orders plus unsold seats of paid ones
     * @param soldShownFree     sold seats the public seat map shows FREE
     */
    record Invariants(long chargedTwice, long paidWithoutCharge, long soldMismatch, long soldShownFree,
                      long unsettled, long refunded, long retaken) {
        boolean ok() {
            return chargedTwice == 0 && paidWithoutCharge == 0 && soldMismatch == 0 && soldShownFree == 0
                    && unsettled == 0;
        }
    }

    boolean ok() {
        return invariants.ok();
    }

    private Histogram latency(boolean lateOnes) {
        Histogram histogram = new Histogram(3_600_000L, 3);
        paidAt.forEach((order, at) -> {
            Instant sent = sentAt.get(order);
            if (sent != null && late.getOrDefault(order, false) == lateOnes) {
                histogram.recordValue(Math.max(0, Duration.between(sent, at).toMillis()));
            }
        });
        return histogram;
    }

    /** On-time payments settled per second, from the first callback sent to the last of them seen PAID. */
    private double settledPerSecond() {
        Instant first = sentAt.values().stream().min(Instant::compareTo).orElse(Instant.EPOCH);
        var onTime = paidAt.entrySet().stream().filter(e -> !late.getOrDefault(e.getKey(), false)).toList();
        Instant last = onTime.stream().map(Map.Entry::getValue).max(Instant::compareTo).orElse(first);
        long millis = Math.max(1, Duration.between(first, last).toMillis());
        return onTime.size() * 1000.0 / millis;
    }

    void print(PrintStream out) throws Exception {
        double settledPerSecond = settledPerSecond();
        Histogram onTime = latency(false);
        Histogram lateOnes = latency(true);
        double callbacksPerSecond = deliveries.sent() / seconds;
        out.printf("%npayments: %d held orders paid at %s, %.0f%% duplicated, %.0f%% late; %.1f s%n", orders,
                plan.gateway(), plan.duplicates() * 100, plan.late() * 100, seconds);
        out.printf("callbacks:  %d delivered (%.0f/s over the whole run, late ones included), %d answered success, %d answered otherwise%n",
                deliveries.sent(), callbacksPerSecond, deliveries.answeredSuccess(), deliveries.answeredOther());
        out.printf("settled:    %.0f on-time payments per second (first callback sent to the last of them PAID)%n",
                settledPerSecond);
        out.printf("outcomes:   %d paid (%d retaken after their hold lapsed), %d refunded, %d unsettled%n",
                paidAt.size(), invariants.retaken(), invariants.refunded(), invariants.unsettled());
        out.printf("latency from the callback's send time to PAID at order-api:%n");
        out.printf("  on time   p50 %6d ms, p99 %6d ms, p99.9 %6d ms, max %6d ms (n=%d)%n", onTime.getValueAtPercentile(50),
                onTime.getValueAtPercentile(99), onTime.getValueAtPercentile(99.9), onTime.getMaxValue(),
                onTime.getTotalCount());
        out.printf("  late      p50 %6d ms, p99 %6d ms, max %6d ms (n=%d)%n", lateOnes.getValueAtPercentile(50),
                lateOnes.getValueAtPercentile(99), lateOnes.getMaxValue(), lateOnes.getTotalCount());
        out.printf("invariants: charged twice %d, paid without charge %d, sold/paid mismatch %d, sold shown free %d,"
                        + " unsettled %d: %s%n", invariants.chargedTwice(), invariants.paidWithoutCharge(),
                invariants.soldMismatch(), invariants.soldShownFree(), invariants.unsettled(), ok() ? "OK" : "FAILED");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", "payments");
        json.put("orders", orders);
        json.put("gateway", plan.gateway());
        json.put("duplicates", plan.duplicates());
        json.put("late", plan.late());
        json.put("seconds", Math.round(seconds * 100) / 100.0);
        json.put("callbacks", deliveries.sent());
        json.put("callbacksPerSecond", Math.round(callbacksPerSecond * 10) / 10.0);
        json.put("settledPerSecond", Math.round(settledPerSecond * 10) / 10.0);
        json.put("paid", paidAt.size());
        json.put("refunded", invariants.refunded());
        json.put("retaken", invariants.retaken());
        json.put("latencyToPaidMs", figures(onTime));
        json.put("lateLatencyToPaidMs", figures(lateOnes));
        json.put("invariants", Map.of("chargedTwice", invariants.chargedTwice(),
                "paidWithoutCharge", invariants.paidWithoutCharge(), "soldMismatch", invariants.soldMismatch(),
                "soldShownFree", invariants.soldShownFree(), "unsettled", invariants.unsettled(), "ok", ok()));
        out.println(JsonMapper.builderWithJackson2Defaults().build().writeValueAsString(json));
    }

    private static Map<String, Object> figures(Histogram h) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("count", h.getTotalCount());
        figures.put("p50", h.getValueAtPercentile(50));
        figures.put("p99", h.getValueAtPercentile(99));
        figures.put("p999", h.getValueAtPercentile(99.9));
        figures.put("max", h.getMaxValue());
        return figures;
    }
}
