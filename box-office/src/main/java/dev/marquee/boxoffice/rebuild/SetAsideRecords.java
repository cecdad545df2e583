package dev.marquee.boxoffice.rebuild;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.marquee.boxoffice.replay.ReplaySource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The records the live projection set aside in {@value #TOPIC} (their original topic, partition and offset, from
 * the dead letters' headers), so that a rebuild passes over exactly those and still equals the live figures.
 */
public final class SetAsideRecords {

    public static final String TOPIC = "box-office-dlt";
    private static final Duration STALL = Duration.ofSeconds(60);

    /** Where a record was consumed from. */
    public record Origin(String topic, int partition, long offset) {

        public static Origin of(ConsumerRecord<?, ?> record) {
            return new Origin(record.topic(), record.partition(), record.offset());
        }
    }

    private SetAsideRecords() {
    }

    /** Every record set aside so far; none if the topic does not exist (nothing was ever set aside). */
    public static Set<Origin> read(ReplaySource source) {
        Map<String, Object> config = new HashMap<>(source.consumerProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "box-office-set-aside");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics().getOrDefault(TOPIC, List.of()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Set<Origin> origins = new HashSet<>();
            long progressAt = System.nanoTime();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    origins.add(origin(record));
                    progressAt = System.nanoTime();
                }
                if (System.nanoTime() - progressAt > STALL.toNanos()) {
                    throw new IllegalStateException("reading " + TOPIC + " stalled for " + STALL.toSeconds() + " s");
                }
            }
            origins.remove(null);
            return origins;
        }
    }

    /** The record's origin, or null for a record not written by the projection (without the headers). */
    private static Origin origin(ConsumerRecord<byte[], byte[]> record) {
        if (header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC) == null
                || header(record, KafkaHeaders.DLT_ORIGINAL_PARTITION) == null
                || header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET) == null) {
            return null;
        }
        return new Origin(new String(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), StandardCharsets.UTF_8),
                ByteBuffer.wrap(header(record, KafkaHeaders.DLT_ORIGINAL_PARTITION)).getInt(),
                ByteBuffer.wrap(header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong());
    }

    private static byte[] header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }
}
