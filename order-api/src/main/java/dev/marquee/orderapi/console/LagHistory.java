package dev.marquee.orderapi.console;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Consumer lag per group over time: {@link ConsumerLag} sampled in the background every {@link #EVERY} (on a thread
 * of its own, so a slow broker delays no other chore) and kept for {@link #WINDOW}, so the console draws what
 * happened before anyone opened it (a lag that rose and fell while nobody looked still shows), and an open console
 * costs no broker requests. Each order-api instance keeps its own, in memory: a restart starts it afresh.
 */
@Component
public class LagHistory {

    public static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration WINDOW = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(LagHistory.class);

    /** One sample: when (epoch ms) and how many records behind. */
    public record Sample(long at, long lag) {
    }

    /** A group as the latest sample found it, with its samples of the window, oldest first (the latest last). */
    public record GroupHistory(String group, long lag, int partitions, List<Sample> samples) {
    }

    private final ConsumerLag lag;
    private final Clock clock;
    private final Map<String, Deque<Sample>> samples = new HashMap<>();
    private List<ConsumerLag.GroupLag> latest = List.of();

    LagHistory(ConsumerLag lag, Clock clock) {
        this.lag = lag;
        this.clock = clock;
    }

    /** Takes one sample of every group (run every {@link #EVERY}); a failure is logged and the next one tried. */
    public void sample() {
        try {
            record(lag.now(), clock.millis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("console: consumer lag not sampled: {}", e.toString());
        }
    }

    synchronized void record(List<ConsumerLag.GroupLag> groups, long at) {
        for (ConsumerLag.GroupLag group : groups) {
            samples.computeIfAbsent(group.group(), g -> new ArrayDeque<>()).addLast(new Sample(at, group.lag()));
        }
        long oldest = at - WINDOW.toMillis();
        samples.values().forEach(kept -> {
            while (!kept.isEmpty() && kept.peekFirst().at() < oldest) {
                kept.removeFirst();
            }
        });
        samples.values().removeIf(Deque::isEmpty);
        latest = List.copyOf(groups);
    }

    /** The groups of the latest sample (none before the first), each with its samples of the window. */
    public synchronized List<GroupHistory> latest() {
        return latest.stream().map(g -> new GroupHistory(g.group(), g.lag(), g.partitions(),
                List.copyOf(samples.get(g.group())))).toList();
    }
}
