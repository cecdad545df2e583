package dev.marquee.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A relay that starts for the first time (no offsets yet: a new deployment, or its offsets topic lost) snapshots
 * the outbox, then follows the binlog from the position it read before the snapshot. A row committed while it
 * starts must be in one or the other (or both: consumers drop repeats), never in neither. Rows are written as
 * fast as one connection goes (about 1,500/s here) from before the relay starts until after it streams.
 */
class OutboxRelayStartIT {

    @Test
    void rowsCommittedWhileARelayStartsAreAllRelayed() throws Exception {
        EmbeddedStack stack = EmbeddedStack.shared();
        Map<String, String> p = stack.properties();
        Flyway.configure().dataSource(stack.jdbcUrl(), stack.credentials().appUser(), stack.credentials().appPassword())
                .locations(OrderApiSchema.LOCATION).table("flyway_history_order_api").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        String topic = "relay-start-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        Set<String> written = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(stack, topic, written, writing));
        await().atMost(Duration.ofSeconds(20)).until(() -> written.size() >= 200);

        String run = UUID.randomUUID().toString();
        OutboxRelay relay = new OutboxRelay(OutboxConnectorConfig.of(
                new CdcProperties(p.get("marquee.cdc.hostname"), Integer.parseInt(p.get("marquee.cdc.port")),
                        p.get("marquee.cdc.database"), p.get("marquee.cdc.user"), p.get("marquee.cdc.password")),
                new OutboxRelayProperties(5601, Duration.ofMillis(20), 16, Duration.ofSeconds(1), "relay-start-offsets-" + run,
                        "relay-start-history-" + run, Duration.ofSeconds(5), Duration.ofSeconds(1),
                        Duration.ofSeconds(10)),
                stack.kafkaBootstrapServers(), 1), RelayKafka.of(stack), 1_000);
        try {
            relay.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !relayed(stack, topic).isEmpty());
            // the relay follows the binlog by now: keep writing until a row written from here on was relayed too
            Set<String> beforeStreaming = Set.copyOf(written);
            await().atMost(Duration.ofSeconds(60)).until(() -> relayed(stack, topic).stream()
                    .anyMatch(id -> !beforeStreaming.contains(id)));
            writing.set(false);
            writer.join();

            await().atMost(Duration.ofSeconds(60)).until(() -> relayed(stack, topic).containsAll(written));
            assertThat(relayed(stack, topic)).containsAll(written);
        } finally {
            writing.set(false);
            relay.close();
        }
    }

    /** Outbox rows, one per statement (autocommit), as fast as one connection goes, until told to stop. */
    private static void write(EmbeddedStack stack, String topic, Set<String> written, AtomicBoolean writing) {
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword());
             PreparedStatement insert = db.prepareStatement("INSERT INTO outbox (id, topic, aggregateid, type,"
                     + " payload, created_at) VALUES (?, ?, 'relay-start', 'RelayCheck', ?, ?)")) {
            while (writing.get()) {
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, topic);
                insert.setBytes(3, id.getBytes(StandardCharsets.UTF_8));
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                written.add(id);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> relayed(EmbeddedStack stack, String topic) {
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            if (consumer.listTopics().get(topic) == null) {
                return ids;
            }
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return ids;
    }
}
