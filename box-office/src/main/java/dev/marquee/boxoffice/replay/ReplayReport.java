package dev.marquee.boxoffice.replay;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * What a replay read: the offset ranges per partition, the records in the window (all read; those of types the
 * sink does not want passed over undecoded), how many could not be decoded, and how long it took.
 */
public record ReplayReport(Map<TopicPartition, OffsetRange> ranges, long events, long undecodable, Duration took) {

    public ReplayReport {
        ranges = Map.copyOf(ranges);
    }

    public double eventsPerSecond() {
        long nanos = Math.max(1, took.toNanos());
        return events * 1e9 / nanos;
    }
}
