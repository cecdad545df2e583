package dev.marquee.launcher.bench;

import java.util.concurrent.TimeUnit;

/**
 * When the sale's turning points came, in ms: the first decision and the sell-out (the decision that held the last
 * free seat) counted from the first send, the last decision (an event, or a refusal at the edge) counted from the
 * last send; null if it never came.
 * And the allocator's pace: decisions per second between the first and the last.
 */
record Milestones(Long firstDecisionMs, Long sellOutMs, Long lastDecisionAfterLastSendMs, double decisionsPerSecond) {

    static Milestones of(EdgeLog edge, DecisionTap tap, DecisionMatch match) {
        long first = tap.firstDecisionNanos();
        long last = tap.lastDecisionNanos();
        long lastAnswer = Math.max(last, match.lastDecisionNanos());
        double span = (last - first) / 1e9;
        return new Milestones(
                first < 0 ? null : millis(first - edge.firstSendNanos()),
                tap.soldOutNanos() < 0 ? null : millis(tap.soldOutNanos() - edge.firstSendNanos()),
                lastAnswer < 0 ? null : millis(lastAnswer - edge.lastSendNanos()),
                span > 0 ? Math.round(tap.decisions() / span * 10) / 10.0 : 0);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
