package dev.marquee.launcher.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.marquee.launcher.bench.DecisionTap.Decision;
import dev.marquee.launcher.bench.EdgeLog.Accepted;
import org.HdrHistogram.Histogram;

/**
 * Where an accepted order's decision time goes after its 202, from wall-clock times and Kafka CreateTimes (ms
 * resolution, recorded in µs): {@code relay} from the 202 to OrderRequested on order-requests (outbox, binlog,
 * Debezium), {@code allocator} from there to the answer on seat-events, {@code tap} from there to its consumption.
 * The relay can publish before the client has read its 202; such negative spans count as 0.
 */
record Stages(Histogram relay, Histogram allocator, Histogram tap) {

    static Stages of(List<Accepted> accepted, Map<String, List<Decision>> byOrder, Map<String, Long> requestedAtMillis) {
        Stages stages = new Stages(histogram(), histogram(), histogram());
        for (Accepted order : accepted) {
            Long requested = requestedAtMillis.get(order.orderId());
            List<Decision> decisions = byOrder.getOrDefault(order.orderId(), List.of());
            if (requested != null) {
                record(stages.relay, requested - order.acceptedAtMillis());
            }
            if (!decisions.isEmpty()) {
                Decision first = decisions.getFirst();
                if (requested != null) {
                    record(stages.allocator, first.appendedMillis() - requested);
                }
                record(stages.tap, first.consumedMillis() - first.appendedMillis());
            }
        }
        return stages;
    }

    private static void record(Histogram histogram, long millis) {
        histogram.recordValue(Math.max(0, millis) * 1000);
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    }
}
