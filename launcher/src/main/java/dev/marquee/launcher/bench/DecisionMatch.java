package dev.marquee.launcher.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.marquee.launcher.bench.DecisionTap.Decision;
import dev.marquee.launcher.bench.EdgeLog.Accepted;
import org.HdrHistogram.Histogram;

/**
 * Accepted orders matched with the decisions the tap saw, by order id: how many got none, more than one, or
 * contradicting ones, and the decision latency (µs) from each attempt's intended send time to the consumption of
 * its first decision, overall and for the decisions up to the sell-out.
 */
record DecisionMatch(long held, long rejected, long missing, long duplicates, long conflicting, long unknown,
                     Histogram latency, Histogram latencyBeforeSellOut) {

    static DecisionMatch of(List<Accepted> accepted, Map<String, List<Decision>> byOrder, long soldOutNanos) {
        Histogram all = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        Histogram beforeSellOut = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        long held = 0, rejected = 0, missing = 0, duplicates = 0, conflicting = 0;
        Set<String> ours = new HashSet<>();
        for (Accepted order : accepted) {
            ours.add(order.orderId());
            List<Decision> decisions = byOrder.getOrDefault(order.orderId(), List.of());
            if (decisions.isEmpty()) {
                missing++;
                continue;
            }
            Decision first = decisions.getFirst();
            held += first.held() ? 1 : 0;
            rejected += first.held() ? 0 : 1;
            duplicates += decisions.size() - 1;
            conflicting += decisions.stream().anyMatch(d -> d.held() != first.held()) ? 1 : 0;
            long micros = Math.max(0, (first.consumedNanos() - order.intendedNanos()) / 1000);
            all.recordValue(micros);
            if (soldOutNanos < 0 || first.consumedNanos() <= soldOutNanos) {
                beforeSellOut.recordValue(micros);
            }
        }
        long unknown = byOrder.keySet().stream().filter(id -> !ours.contains(id)).count();
        return new DecisionMatch(held, rejected, missing, duplicates, conflicting, unknown, all, beforeSellOut);
    }
}
