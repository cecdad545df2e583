package dev.marquee.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.marquee.schemas.serde.ConfluentAvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A consumer of every partition of some topics, from their beginning, without a group, decoding Avro events. */
public final class TopicReader {

    private static final Duration TOPICS_APPEAR = Duration.ofSeconds(30);

    private TopicReader() {
    }

    public static KafkaConsumer<String, Object> fromBeginning(String bootstrap, String registryUrl, String... topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put("schema.registry.url", registryUrl);
        config.put("specific.avro.reader", "true");
        KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                partitions.addAll(partitionsOf(consumer, topic));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return consumer;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** The next records; an undecodable one is said on stderr and skipped, so a reader never stops at it. */
    static ConsumerRecords<String, Object> poll(KafkaConsumer<String, Object> consumer, Duration timeout) {
        try {
            return consumer.poll(timeout);
        } catch (RecordDeserializationException e) {
            System.err.println("bench: skipping an undecodable record: " + e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
            return ConsumerRecords.empty();
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, Object> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, TOPICS_APPEAR).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return partitions;
    }
}
