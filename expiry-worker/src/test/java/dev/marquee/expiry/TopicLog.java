package dev.marquee.expiry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.marquee.schemas.Topics;
import dev.marquee.schemas.serde.ConfluentAvroDeserializer;
import dev.marquee.stack.EmbeddedStack;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what is on a topic from its beginning, as the tests' witness of what the worker published. */
final class TopicLog {

    private final EmbeddedStack stack;

    TopicLog(EmbeddedStack stack) {
        this.stack = stack;
    }

    /** Every event of {@code type} for the order on the topic so far, oldest first. */
    <T extends SpecificRecord> List<T> events(String topic, String orderId, Class<T> type) {
        return events(topic, Set.of(orderId), type);
    }

    /** Every event of {@code type} keyed by one of these orders on the topic so far. */
    <T extends SpecificRecord> List<T> events(String topic, Set<String> orderIds, Class<T> type) {
        return records(topic).stream().filter(r -> orderIds.contains(r.key()) && type.isInstance(r.value()))
                .map(r -> type.cast(r.value())).toList();
    }

    /** Every event keyed by the order, on either topic. */
    List<Object> anyEvents(String orderId) {
        return Stream.of(Topics.SEAT_EVENTS, Topics.ORDER_EVENTS)
                .flatMap(topic -> records(topic).stream()).filter(r -> orderId.equals(r.key()))
                .map(ConsumerRecord::value).toList();
    }

    private List<ConsumerRecord<String, Object>> records(String topic) {
        Map<String, Object> config = Map.of("bootstrap.servers", stack.kafkaBootstrapServers(),
                "key.deserializer", StringDeserializer.class, "value.deserializer", ConfluentAvroDeserializer.class,
                "schema.registry.url", stack.schemaRegistryUrl(), "specific.avro.reader", "true",
                "max.poll.records", "5000");
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, Object>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
