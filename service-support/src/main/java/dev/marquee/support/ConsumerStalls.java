package dev.marquee.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;

/**
 * Which consumer groups are stalled (DESIGN §7: a consumer whose lag does not move is an alarm, not OK), from
 * looks taken now and then at where each group stands (its committed offset, or the start of a partition it never
 * committed) and where its partitions end. A partition is stalled while records wait in it and the group's offset
 * has not moved since they were first seen waiting; a group is as stalled as its most stalled partition. Plain
 * Java: the times are the caller's.
 */
final class ConsumerStalls {

    private final Map<String, Map<TopicPartition, Seen>> seen = new ConcurrentHashMap<>();
    private final Map<String, Long> stalledNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> lag = new ConcurrentHashMap<>();

    /** One look at {@code group}: its position and the end of each partition it consumes, at {@code nowNanos}. */
    void observe(String group, Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends, long nowNanos) {
        observe(group, positions, ends, nowNanos, false);
    }

    /**
     * As above; a group {@code paused} on purpose (box-office pauses its consumer while it rebuilds) is not stalled
     * while paused, and counts from its resumption.
     */
    void observe(String group, Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends, long nowNanos,
                 boolean paused) {
        Map<TopicPartition, Seen> before = seen.getOrDefault(group, Map.of());
        Map<TopicPartition, Seen> now = new HashMap<>();
        long stalled = 0;
        long waiting = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long position = positions.getOrDefault(end.getKey(), end.getValue());
            long behind = Math.max(0, end.getValue() - position);
            Seen previous = before.get(end.getKey());
            Seen current = paused || behind == 0 || previous == null || previous.position() != position
                    ? new Seen(position, nowNanos) : previous;
            now.put(end.getKey(), current);
            waiting += behind;
            if (behind > 0) {
                stalled = Math.max(stalled, nowNanos - current.sinceNanos());
            }
        }
        seen.put(group, now);
        stalledNanos.put(group, stalled);
        lag.put(group, waiting);
    }

    /** Forgets every group but {@code groups} (a listener container that went away): they no longer count. */
    void retain(Set<String> groups) {
        seen.keySet().retainAll(groups);
        stalledNanos.replaceAll((group, nanos) -> groups.contains(group) ? nanos : 0L);
        lag.replaceAll((group, records) -> groups.contains(group) ? records : 0L);
    }

    /** Seconds the group has not moved while records waited for it (0 when nothing waits or it moves). */
    double stalledSeconds(String group) {
        return stalledNanos.getOrDefault(group, 0L) / 1e9;
    }

    /** Records of its partitions after the group's position, at the last look. */
    long lag(String group) {
        return lag.getOrDefault(group, 0L);
    }

    /** Where a partition's position stood and since when (the last time it moved, or nothing waited). */
    private record Seen(long position, long sinceNanos) {
    }
}
