package dev.marquee.boxoffice.replay;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The events to replay: of these topics (all their partitions, or only {@code partition}), from {@code from}
 * (included) to {@code to} (excluded). A time end also filters: only records whose timestamp lies in
 * {@code [from, to)} are replayed, so a partition whose timestamps are not in order still gives exactly the
 * window's records.
 */
public record ReplayWindow(List<String> topics, Integer partition, Position from, Position to) {

    public ReplayWindow {
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a replay window names at least one topic");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Everything the topics hold now. */
    public static ReplayWindow all(String... topics) {
        return new ReplayWindow(List.of(topics), null, Position.beginning(), Position.end());
    }

    /** Offsets {@code [from, to)} of one partition of a topic. */
    public static ReplayWindow offsets(String topic, int partition, long from, long to) {
        return new ReplayWindow(List.of(topic), partition, Position.offset(from), Position.offset(to));
    }

    /** Records with timestamps in {@code [from, to)} of every partition of the topics. */
    public static ReplayWindow times(Instant from, Instant to, String... topics) {
        return new ReplayWindow(List.of(topics), null, Position.time(from), Position.time(to));
    }

    boolean includes(long timestamp) {
        return (!(from instanceof Position.Time f) || timestamp >= f.instant().toEpochMilli())
                && (!(to instanceof Position.Time t) || timestamp < t.instant().toEpochMilli());
    }
}
