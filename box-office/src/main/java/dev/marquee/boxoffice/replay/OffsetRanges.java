package dev.marquee.boxoffice.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** Resolves a window to offset ranges per partition, clamped to what the logs hold now. */
final class OffsetRanges {

    private static final Duration TOPIC_LOOKUP = Duration.ofSeconds(30);

    private OffsetRanges() {
    }

    static Map<TopicPartition, OffsetRange> of(KafkaConsumer<?, ?> consumer, ReplayWindow window) {
        List<TopicPartition> partitions = partitions(consumer, window);
        Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> from = offsets(consumer, partitions, window.from(), first, end);
        Map<TopicPartition, Long> to = offsets(consumer, partitions, window.to(), first, end);
        Map<TopicPartition, OffsetRange> ranges = new LinkedHashMap<>();
        for (TopicPartition p : partitions) {
            long begin = Math.clamp(from.get(p), first.get(p), end.get(p));
            ranges.put(p, new OffsetRange(begin, Math.clamp(to.get(p), begin, end.get(p))));
        }
        return ranges;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, ReplayWindow window) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : window.topics()) {
            List<TopicPartition> ofTopic = consumer.partitionsFor(topic, TOPIC_LOOKUP).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .filter(p -> window.partition() == null || p.partition() == window.partition()).toList();
            if (ofTopic.isEmpty()) {
                throw new IllegalArgumentException(window.partition() == null ? "topic " + topic + " does not exist"
                        : "topic " + topic + " has no partition " + window.partition());
            }
            partitions.addAll(ofTopic);
        }
        return partitions;
    }

    private static Map<TopicPartition, Long> offsets(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
                                                     Position position, Map<TopicPartition, Long> first,
                                                     Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        switch (position) {
            case Position.Beginning b -> offsets.putAll(first);
            case Position.End e -> offsets.putAll(end);
            case Position.Offset o -> partitions.forEach(p -> offsets.put(p, o.offset()));
            case Position.Time t -> {
                Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(p -> times.put(p, t.instant().toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
                partitions.forEach(p -> offsets.put(p, found.get(p) == null ? end.get(p) : found.get(p).offset()));
            }
        }
        return offsets;
    }
}
