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
 * contradicting ones. Decision latency (µs) runs from each attempt's intended send time to its decision: for an
 * accepted order the consumption of its first SeatsHeld/SeatsRejected, for an attempt refused at the edge the
 * refusal itself (the customer's answer). Kept overall and up to the sell-out, for all attempts and for the
 * accepted orders alone (the pipeline's part).
 */
record DecisionMatch(long held, long rejected, long missing, long duplicates, long conflicting, long unknown,
                     Histogram latency, Histogram latencyBeforeSellOut, Histogram pipelineLatency,
                     Histogram pipelineLatencyBeforeSellOut, long lastDecisionNanos) {

    static DecisionMatch of(List<Accepted> accepted, Map<String, List<Decision>> byOrder, long soldOutNanos,
                            List<EdgeLog.Refusal> refusals) {
        Histogram all = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        Histogram beforeSellOut = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        long last = -1;
        for (EdgeLog.Refusal refusal : refusals) {
            long micros = Math.max(0, (refusal.answeredNanos() - refusal.intendedNanos()) / 1000);
            all.recordValue(micros);
            if (soldOutNanos < 0 || refusal.answeredNanos() <= soldOutNanos) {
                beforeSellOut.recordValue(micros);
            }
            last = Math.max(last, refusal.answeredNanos());
        }
        Histogram pipeline = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        Histogram pipelineBeforeSellOut = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
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
            pipeline.recordValue(micros);
            if (soldOutNanos < 0 || first.consumedNanos() <= soldOutNanos) {
                beforeSellOut.recordValue(micros);
                pipelineBeforeSellOut.recordValue(micros);
            }
            last = Math.max(last, first.consumedNanos());
        }
        long unknown = byOrder.keySet().stream().filter(id -> !ours.contains(id)).count();
        return new DecisionMatch(held, rejected, missing, duplicates, conflicting, unknown, all, beforeSellOut,
                pipeline, pipelineBeforeSellOut, last);
    }
}
