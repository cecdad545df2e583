package dev.marquee.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Not a test (no *IT, *Test: never run by the build): the measurement behind the relay's poll settings, run by hand
 * with {@code ./mvnw -pl outbox-relay verify -Dit.test=RelayPollMeasurement}. Per setting: the CPU the relay's
 * threads burn over 10 s with nothing to relay, and the delay from an outbox row's commit to its relayed copy's
 * CreateTime in Kafka for 200 rows written one at a time, 10-60 ms apart (sparse traffic, where the poll interval
 * and not a full batch decides).
 */
class RelayPollMeasurement {

    @ParameterizedTest
    @CsvSource({"10, 2048, 5", "10, 16, 0", "20, 16, 0", "50, 16, 0", "100, 16, 0"})
    void idleCpuAndSparseLatency(int pollMillis, int batch, int lingerMillis) throws Exception {
        EmbeddedStack stack = EmbeddedStack.shared();
        Map<String, String> p = stack.properties();
        Flyway.configure().dataSource(stack.jdbcUrl(), stack.credentials().appUser(), stack.credentials().appPassword())
                .locations(OrderApiSchema.LOCATION).table("flyway_history_order_api").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        String run = UUID.randomUUID().toString();
        String topic = "relay-poll-" + run;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, Object> producer = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, lingerMillis));
        OutboxRelay relay = new OutboxRelay(OutboxConnectorConfig.of(
                new CdcProperties(p.get("marquee.cdc.hostname"), Integer.parseInt(p.get("marquee.cdc.port")),
                        p.get("marquee.cdc.database"), p.get("marquee.cdc.user"), p.get("marquee.cdc.password")),
                new OutboxRelayProperties(5650, Duration.ofMillis(pollMillis), batch, Duration.ofSeconds(1),
                        "relay-poll-offsets-" + run, "relay-poll-history-" + run, Duration.ofSeconds(5),
                        Duration.ofSeconds(1), Duration.ofSeconds(10)),
                stack.kafkaBootstrapServers(), 1), new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer)), 1_000);
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword());
             PreparedStatement insert = db.prepareStatement("INSERT INTO outbox (id, topic, aggregateid, type,"
                     + " payload, created_at) VALUES (?, ?, 'relay-poll', 'RelayCheck', ?, ?)")) {
            relay.start();
            write(insert, topic, "warm-up");
            await().atMost(Duration.ofSeconds(60)).until(() -> relayed(stack, topic).size() == 1);
            Thread.sleep(2_000);

            printRelayThreads();
            long before = relayCpuNanos();
            Thread.sleep(10_000);
            double idleCpu = (relayCpuNanos() - before) / 10e9;

            Map<String, Long> committed = new HashMap<>();
            for (int i = 0; i < 200; i++) {
                String id = "row-" + i;
                write(insert, topic, id);
                committed.put(id, System.currentTimeMillis());
                Thread.sleep(ThreadLocalRandom.current().nextLong(10, 60));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> relayed(stack, topic).size() == 201);
            long[] delays = relayed(stack, topic).stream().filter(r -> committed.containsKey(r.value()))
                    .mapToLong(r -> r.timestamp() - committed.get(r.value())).sorted().toArray();
            System.out.printf("RELAY-POLL poll=%d ms batch=%d linger=%d ms: idle CPU %.1f%% of a core; commit to"
                            + " CreateTime p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", pollMillis, batch,
                    lingerMillis, idleCpu * 100, delays[delays.length / 2], delays[delays.length * 9 / 10],
                    delays[delays.length * 99 / 100], delays[delays.length - 1]);
            assertThat(delays).hasSize(200);
        } finally {
            relay.close();
        }
    }

    /**
     * CPU time of the relay's threads: those named for it (the engine's, the binlog client's) and any whose stack is
     * in Debezium's code (the engine's task threads have pool names).
     */
    private static long relayCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 64)) {
            if (info != null && (Arrays.stream(new String[] {"debezium", "blc-", "binlog", "outbox-relay"})
                    .anyMatch(info.getThreadName().toLowerCase()::contains)
                    || Arrays.stream(info.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("io.debezium")))) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static void printRelayThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 64)) {
            if (info != null && Arrays.stream(info.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("io.debezium"))) {
                System.out.println("RELAY-THREAD " + info.getThreadName() + " " + info.getThreadState() + " at "
                        + info.getStackTrace()[Math.min(3, info.getStackTrace().length - 1)]);
            }
        }
    }

    private static void write(PreparedStatement insert, String topic, String payload) throws Exception {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, topic);
        insert.setBytes(3, payload.getBytes(StandardCharsets.UTF_8));
        insert.setTimestamp(4, Timestamp.from(Instant.now()));
        insert.executeUpdate();
    }

    private static List<ConsumerRecord<String, String>> relayed(EmbeddedStack stack, String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = consumer.endOffsets(partitions).get(partitions.getFirst());
            while (consumer.position(partitions.getFirst()) < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(),
                            r.timestampType(), r.serializedKeySize(), r.serializedValueSize(), r.key(),
                            new String(r.value(), StandardCharsets.UTF_8), r.headers(), r.leaderEpoch()));
                }
            }
        }
        return records;
    }
}
