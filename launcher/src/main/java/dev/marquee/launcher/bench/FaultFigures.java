package dev.marquee.launcher.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.HdrHistogram.Histogram;

/**
 * What one fault did to the decisions: how long after it began the first order placed after it was decided
 * ("decisions flow again"), how long until every hall under load had such a decision, and the decision latency
 * (placed → decided) of orders placed in a window after the fault against the same window before it.
 *
 * @param recoverySeconds  fault start to the first decision of an order placed after it; -1 if none came
 * @param allHallsSeconds  fault start until each hall had a decision of an order placed after it; -1 if not
 * @param p99BeforeMs      decision-latency p99 of the orders placed in the window before the fault
 * @param p99AfterMs       the same for the window from the fault on
 * @param undecidedAfter   orders of that window without a decision (by the end of the run)
 */
record FaultFigures(String fault, double actionSeconds, double recoverySeconds, double allHallsSeconds,
                    long p99BeforeMs, long p99AfterMs, long placedAfter, long undecidedAfter) {

    /** An order the edge accepted: when it was sent (System.nanoTime) and for which hall. */
    record Placed(String orderId, long hallId, long sentNanos) {
    }

    static FaultFigures of(String fault, long startNanos, long actionEndNanos, long windowNanos,
                           Collection<Placed> placed, Map<String, Long> decidedNanos) {
        Histogram before = new Histogram(3_600_000L, 3);
        Histogram after = new Histogram(3_600_000L, 3);
        Map<Long, Long> firstPerHall = new HashMap<>();
        Map<Long, Boolean> hallsLoaded = new HashMap<>();
        long first = Long.MAX_VALUE;
        long placedAfter = 0;
        long undecided = 0;
        for (Placed p : placed) {
            Long decided = decidedNanos.get(p.orderId());
            if (p.sentNanos() >= startNanos) {
                hallsLoaded.put(p.hallId(), true);
                if (decided != null) {
                    first = Math.min(first, decided);
                    firstPerHall.merge(p.hallId(), decided, Math::min);
                }
            }
            if (p.sentNanos() >= startNanos && p.sentNanos() < startNanos + windowNanos) {
                placedAfter++;
                if (decided == null) {
                    undecided++;
                } else {
                    after.recordValue(millis(decided - p.sentNanos()));
                }
            } else if (p.sentNanos() < startNanos && p.sentNanos() >= startNanos - windowNanos && decided != null) {
                before.recordValue(millis(decided - p.sentNanos()));
            }
        }
        OptionalLong allHalls = firstPerHall.size() < hallsLoaded.size() || firstPerHall.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(firstPerHall.values().stream().mapToLong(Long::longValue).max().orElseThrow());
        return new FaultFigures(fault, seconds(actionEndNanos - startNanos),
                first == Long.MAX_VALUE ? -1 : seconds(first - startNanos),
                allHalls.isPresent() ? seconds(allHalls.getAsLong() - startNanos) : -1,
                p99(before), p99(after), placedAfter, undecided);
    }

    private static long millis(long nanos) {
        return Math.max(0, nanos / 1_000_000);
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }

    private static long p99(Histogram h) {
        return h.getTotalCount() == 0 ? -1 : h.getValueAtPercentile(99);
    }
}
