package dev.marquee.orderapi.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.stereotype.Service;

/**
 * The dead-letter topics ({@code *-dlt}) for the operator console: what waits in each, with the cause the consumer
 * wrote in its headers, and re-driving a topic to where its records came from. Progress is the consumer group
 * {@code marquee-redrive.<topic>}, the same one {@code marquee dead-letters redrive} keeps, so the console and the
 * command line never send a record back twice between them.
 */
@Service
public class DeadLetterShelf {

    private static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    private static final String EXCEPTION = "kafka_dlt-exception-message";
    private static final int SHOWN = 50;

    public record Letter(String topic, int partition, long offset, String originalTopic, String cause,
                         Instant setAsideAt, int bytes) {
    }

    public record Shelf(String topic, long waiting, List<Letter> newest) {
    }

    private final KafkaClients clients;

    DeadLetterShelf(KafkaClients clients) {
        this.clients = clients;
    }

    public List<Shelf> shelves() throws Exception {
        List<Shelf> shelves = new ArrayList<>();
        for (String topic : deadLetterTopics()) {
            List<Letter> letters = new ArrayList<>();
            long waiting = read(topic, record -> {
                letters.add(new Letter(topic, record.partition(), record.offset(), originalTopic(topic, record),
                        header(record, EXCEPTION), Instant.ofEpochMilli(record.timestamp()),
                        record.value() == null ? 0 : record.value().length));
                if (letters.size() > SHOWN) {
                    letters.removeFirst();
                }
            });
            shelves.add(new Shelf(topic, waiting, letters.reversed()));
        }
        return shelves;
    }

    /**
     * Sends what waits in {@code topic} back to where each record came from; how many were sent, or empty when
     * there is no such dead-letter topic.
     */
    public OptionalLong redrive(String topic) throws Exception {
        if (!topic.endsWith("-dlt") || !deadLetterTopics().contains(topic)) {
            return OptionalLong.empty();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(clients.with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            return OptionalLong.of(read(topic, record -> producer.send(new ProducerRecord<>(originalTopic(topic, record),
                    null, record.key(), record.value(), withoutDeadLetterHeaders(record))), producer::flush));
        }
    }

    private List<String> deadLetterTopics() throws Exception {
        try (Admin admin = Admin.create(clients.with(Map.of()))) {
            return admin.listTopics().names().get().stream().filter(t -> t.endsWith("-dlt")).sorted().toList();
        }
    }

    private long read(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        return read(topic, each, null);
    }

    /** Reads the topic from the re-drive group's position to its end; commits that end when {@code sent} is given. */
    private long read(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each, Runnable sent) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients.with(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "marquee-redrive." + topic,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            long count = 0;
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    each.accept(record);
                    count++;
                    done.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
            }
            if (sent != null && !done.isEmpty()) {
                sent.run();
                consumer.commitSync(done);
            }
            return count;
        }
    }

    private static String originalTopic(String topic, ConsumerRecord<byte[], byte[]> record) {
        String original = header(record, ORIGINAL_TOPIC);
        return original.isEmpty() ? topic.replaceFirst("-dlt$", "") : original;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static RecordHeaders withoutDeadLetterHeaders(ConsumerRecord<byte[], byte[]> record) {
        List<Header> kept = new ArrayList<>();
        record.headers().forEach(h -> {
            if (!h.key().startsWith("kafka_dlt-")) {
                kept.add(h);
            }
        });
        return new RecordHeaders(kept);
    }
}
