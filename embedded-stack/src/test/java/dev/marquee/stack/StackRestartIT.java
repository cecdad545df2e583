package dev.marquee.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RFencedLock;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Each server of the stack restarts in place, on its port and with its data, as the chaos bench restarts them.
 * A stack of its own: the shared one serves other tests.
 */
class StackRestartIT {

    static EmbeddedStack stack;

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.start(Path.of("target", "restart-stack"), StackPorts.ephemeral(), 3);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** Tokens that went backwards would be refused by every hall's fence for good (FencedOutException). */
    @Test
    void fencingTokensKeepGrowingAcrossARedisRestart() throws Exception {
        long before = tokenOfANewHolder();

        stack.restartRedis();

        assertThat(tokenOfANewHolder()).isGreaterThan(before);
    }

    @Test
    void kafkaKeepsItsRecordsAndTakesNewOnesAfterARestart() throws Exception {
        Map<String, Object> common = Map.of("bootstrap.servers", stack.kafkaBootstrapServers());
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic("restart-check", 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(common, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("restart-check", "k", "before")).get();
            stack.restartKafka();
            producer.send(new ProducerRecord<>("restart-check", "k", "after")).get(60, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(common, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition("restart-check", 0)));
            consumer.seekToBeginning(consumer.assignment());
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            assertThat(values).containsExactly("before", "after");
        }
    }

    @Test
    void mariaDbKeepsItsRowsAndItsUsersAfterARestart() throws Exception {
        StackCredentials c = stack.credentials();
        try (Connection app = DriverManager.getConnection(stack.jdbcUrl(), c.appUser(), c.appPassword());
             Statement s = app.createStatement()) {
            s.execute("CREATE TABLE restart_check (id INT PRIMARY KEY)");
            s.execute("INSERT INTO restart_check VALUES (7)");
        }

        stack.restartMariaDb();

        try (Connection app = DriverManager.getConnection(stack.jdbcUrl(), c.appUser(), c.appPassword());
             Statement s = app.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM restart_check")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
    }

    private static long tokenOfANewHolder() {
        Config config = new Config();
        config.useSingleServer().setAddress(stack.redisAddress());
        RedissonClient redisson = Redisson.create(config);
        try {
            RFencedLock lock = redisson.getFencedLock("marquee:hall-lock:restart-check");
            Long token = lock.tryLockAndGetToken(5, 10, TimeUnit.SECONDS);
            lock.unlock();
            return token;
        } finally {
            redisson.shutdown();
        }
    }
}
