package dev.marquee.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.marquee.stack.EmbeddedStack;
import dev.marquee.stack.StackPorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * A relay whose database restarted reconnects to the binlog within seconds, not after the binlog client's default
 * keep-alive interval (a minute, during which every order taken waited in the outbox). A stack of its own: the
 * shared one serves other tests.
 */
class OutboxRelayReconnectIT {

    @Test
    void aRelayFollowsTheBinlogAgainSoonAfterMariaDbRestarted() throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.start(Path.of("target", "relay-reconnect-stack"), StackPorts.ephemeral(), 1)) {
            Map<String, String> p = stack.properties();
            Flyway.configure().dataSource(stack.jdbcUrl(), stack.credentials().appUser(), stack.credentials().appPassword())
                    .locations(OrderApiSchema.LOCATION).table("flyway_history_order_api").baselineOnMigrate(true)
                    .baselineVersion("0").load().migrate();
            String topic = "relay-reconnect";
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
            OutboxRelay relay = new OutboxRelay(OutboxConnectorConfig.of(
                    new CdcProperties(p.get("marquee.cdc.hostname"), Integer.parseInt(p.get("marquee.cdc.port")),
                            p.get("marquee.cdc.database"), p.get("marquee.cdc.user"), p.get("marquee.cdc.password")),
                    new OutboxRelayProperties(5602, Duration.ofMillis(20), 16, Duration.ofSeconds(1), "relay-reconnect-offsets",
                            "relay-reconnect-history", Duration.ofSeconds(5), Duration.ofSeconds(1),
                            Duration.ofSeconds(10)),
                    stack.kafkaBootstrapServers(), 1), RelayKafka.of(stack), 1_000);
            try {
                relay.start();
                write(stack, topic, "before");
                await().atMost(Duration.ofSeconds(60)).until(() -> relayed(stack, topic).contains("before"));
                // its health (the leader's readiness) says so, from Debezium's own streaming metrics
                await().atMost(Duration.ofSeconds(10)).until(() -> connected(relay));

                stack.restartMariaDb();
                write(stack, topic, "after");

                await().atMost(Duration.ofSeconds(15)).until(() -> relayed(stack, topic).contains("after"));
                assertThat(relayed(stack, topic)).containsExactly("before", "after");
                await().atMost(Duration.ofSeconds(10)).until(() -> connected(relay));
            } finally {
                relay.close();
            }
        }
    }

    private static boolean connected(OutboxRelay relay) {
        Health health = relay.health();
        return health.getStatus().equals(Status.UP) && "connected".equals(health.getDetails().get("binlog"));
    }

    private static void write(EmbeddedStack stack, String topic, String payload) throws Exception {
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword());
             PreparedStatement insert = db.prepareStatement("INSERT INTO outbox (id, topic, aggregateid, type,"
                     + " payload, created_at) VALUES (?, ?, 'relay-reconnect', 'RelayCheck', ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, topic);
            insert.setBytes(3, payload.getBytes(StandardCharsets.UTF_8));
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private static List<String> relayed(EmbeddedStack stack, String topic) {
        List<String> payloads = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = consumer.endOffsets(partitions).get(partitions.getFirst());
            while (consumer.position(partitions.getFirst()) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    payloads.add(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return payloads;
    }
}
