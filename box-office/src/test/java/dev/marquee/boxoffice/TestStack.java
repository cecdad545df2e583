package dev.marquee.boxoffice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.events.CinemaChanged;
import dev.marquee.events.MovieChanged;
import dev.marquee.schemas.Topics;
import dev.marquee.schemas.serde.ConfluentAvroSerializer;
import dev.marquee.stack.DevSecrets;
import dev.marquee.stack.EmbeddedStack;
import dev.marquee.support.security.AccessTokens;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Role;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded stack as the integration tests use it: a database connection, a producer that writes events as
 * the services do (Confluent Avro, record-name subjects), order-api's catalog tables with the columns its
 * migration declares, and the topics' end offsets.
 */
final class TestStack implements AutoCloseable {

    final EmbeddedStack stack = EmbeddedStack.shared();
    final HikariDataSource db = stack.appDataSource(4);
    final JdbcClient jdbc;
    final KafkaProducer<String, Object> producer;
    private final Set<String> catalog = java.util.concurrent.ConcurrentHashMap.newKeySet();

    TestStack() {
        jdbc = JdbcClient.create(db);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.kafkaBootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", ConfluentAvroSerializer.class,
                "schema.registry.url", stack.schemaRegistryUrl(),
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
                "linger.ms", 5, "batch.size", 256 * 1024, "acks", "all"));
    }

    /** Creates the event topics as the services do (6 partitions, kept forever), unless they exist. */
    void createEventTopics() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Stream.of(Topics.ORDER_EVENTS, Topics.SEAT_EVENTS, Topics.CATALOG_EVENTS)
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, 6, (short) 1).configs(Map.of("retention.ms", "-1"))).toList();
            admin.createTopics(missing).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An operator's (an admin's) bearer token, minted with this stack's own signing key as order-api issues them:
     * rebuilding the projection is operations write.
     */
    String operatorToken() {
        DevSecrets secrets = stack.secrets();
        return AccessTokens.signingWith(secrets.keyId(), secrets.publicKey(), secrets.privateKey(), Duration.ofHours(1))
                .issue(new Caller("1", Role.ADMIN, Role.ADMIN.defaults(), null, "box-office-it")).value();
    }

    /** The service's properties on this stack, as command-line arguments. */
    String[] serviceArguments() {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    RecordMetadata send(String topic, String key, Object event) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cinema as order-api's catalog publishes it (CinemaChanged on catalog-events). */
    void cinema(long id, String city) {
        createEventTopics();
        send(Topics.CATALOG_EVENTS, Long.toString(id), CinemaChanged.newBuilder().setEventId(UUID.randomUUID()
                .toString()).setOccurredAt(Instant.now()).setCinemaId(id).setMerchantId(1).setName("Cinema " + id)
                .setCity(city).build());
        catalog.add("c" + id);
    }

    /** A movie as order-api's catalog publishes it (MovieChanged on catalog-events). */
    void movie(long id, String title) {
        createEventTopics();
        send(Topics.CATALOG_EVENTS, Long.toString(id), MovieChanged.newBuilder().setEventId(UUID.randomUUID()
                .toString()).setOccurredAt(Instant.now()).setMovieId(id).setTitle(title).setDurationMinutes(120)
                .setStatus("SHOWING").build());
        catalog.add("m" + id);
    }

    /** Waits until the box office's copy of the catalog has every cinema and movie sent. */
    void awaitCatalog() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Stream.concat(
                jdbc.sql("SELECT CONCAT('c', cinema_id) FROM box_office_cinema").query(String.class).list().stream(),
                jdbc.sql("SELECT CONCAT('m', movie_id) FROM box_office_movie").query(String.class).list().stream())
                .collect(java.util.stream.Collectors.toSet()).containsAll(catalog));
    }

    /** The end offset of every partition of the topics. */
    Map<TopicPartition, Long> endOffsets(String... topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            return consumer.endOffsets(partitions);
        }
    }

    /** The offsets the live projection stored, per partition. */
    Map<TopicPartition, Long> storedOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        jdbc.sql("SELECT topic, partition_no, next_offset FROM box_office_offset").query(rs -> {
            offsets.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
        });
        return offsets;
    }

    /** Whether the projection has consumed everything up to these offsets (partitions at 0 need no row). */
    boolean consumedUpTo(Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> stored = storedOffsets();
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                || stored.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    @Override
    public void close() {
        producer.close();
        db.close();
    }
}
