package dev.marquee.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code marquee status} found that needs an operator, each as one sentence: a service not ready, dead
 * letters waiting, a consumer group whose records wait while its offset does not move for {@code stalledAfter} or
 * longer, an order still REQUESTED after {@code requestedAfter}.
 */
record Attention(List<String> problems) {

    static Attention of(Map<String, String> readiness, Map<String, Long> deadLetters, Map<String, Double> stalledSeconds,
                        Map<String, Long> lag, Long oldestRequestedSeconds, Duration stalledAfter, Duration requestedAfter) {
        List<String> problems = new ArrayList<>();
        readiness.forEach((service, state) -> {
            if (!"UP".equals(state)) {
                problems.add("service " + service + " is " + state);
            }
        });
        deadLetters.forEach((topic, waiting) -> {
            if (waiting > 0) {
                problems.add(waiting + " dead letter" + (waiting == 1 ? "" : "s") + " wait in " + topic);
            }
        });
        stalledSeconds.forEach((group, seconds) -> {
            if (stalled(seconds, stalledAfter)) {
                Long waiting = lag.get(group);
                problems.add("consumer group " + group + " has not moved for " + Math.round(seconds) + " s"
                        + (waiting == null ? "" : " with " + waiting + " records waiting")
                        + " (alarm at " + stalledAfter.toSeconds() + " s)");
            }
        });
        if (oldestRequestedSeconds != null && oldestRequestedSeconds >= requestedAfter.toSeconds()) {
            problems.add("the oldest REQUESTED order has waited " + oldestRequestedSeconds + " s for the allocator"
                    + " (alarm at " + requestedAfter.toSeconds() + " s)");
        }
        return new Attention(List.copyOf(problems));
    }

    static boolean stalled(double seconds, Duration stalledAfter) {
        return seconds >= stalledAfter.toMillis() / 1000.0;
    }

    boolean needed() {
        return !problems.isEmpty();
    }
}
