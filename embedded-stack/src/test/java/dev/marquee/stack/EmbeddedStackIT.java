package dev.marquee.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import dev.marquee.registry.KafkaTopicSchemaStore;
import dev.marquee.registry.SchemaEntry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** The embedded stack's parts are real servers, configured as the services and operators need them. */
class EmbeddedStackIT {

    static EmbeddedStack stack;

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.shared();
    }

    @Test
    void kafkaTakesAndGivesBackRecords() throws Exception {
        Properties common = new Properties();
        common.put("bootstrap.servers", stack.kafkaBootstrapServers());
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic("stack-check", 3, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(common, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("stack-check", "hall-1", "hello")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(common, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition("stack-check", 0),
                    new TopicPartition("stack-check", 1), new TopicPartition("stack-check", 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    received.add(r.key() + "=" + r.value());
                }
            }
            assertThat(received).containsExactly("hall-1=hello");
        }
    }

    @Test
    void theApplicationUserOwnsItsDatabaseAndTheCdcUserCanOnlyRead() throws SQLException {
        StackCredentials c = stack.credentials();
        try (Connection app = DriverManager.getConnection(stack.jdbcUrl(), c.appUser(), c.appPassword());
             Statement s = app.createStatement()) {
            s.execute("CREATE TABLE stack_check (id INT PRIMARY KEY)");
            s.execute("INSERT INTO stack_check VALUES (1)");
            assertThat(single(s, "SELECT @@binlog_format")).isEqualTo("ROW");
            assertThat(single(s, "SELECT @@log_bin")).isEqualTo("1");
            assertThat(single(s, "SELECT @@binlog_row_image")).isEqualTo("FULL");
        }
        try (Connection cdc = DriverManager.getConnection(stack.jdbcUrl(), c.cdcUser(), c.cdcPassword());
             Statement s = cdc.createStatement()) {
            assertThat(single(s, "SELECT COUNT(*) FROM stack_check")).isEqualTo("1");
            assertThatThrownBy(() -> s.execute("INSERT INTO stack_check VALUES (2)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(stack.jdbcUrl(), "", ""))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void redisAnswers() {
        Config config = new Config();
        config.useSingleServer().setAddress(stack.redisAddress());
        RedissonClient redisson = Redisson.create(config);
        try {
            redisson.getBucket("stack-check").set("ok");
            assertThat(redisson.<String>getBucket("stack-check").get()).isEqualTo("ok");
        } finally {
            redisson.shutdown();
        }
    }

    @Test
    void theRegistryKeepsSchemasInACompactedTopicThatSurvivesARestart() throws Exception {
        String schema = "{\"type\":\"record\",\"name\":\"StackCheck\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
        HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.schemaRegistryUrl() + "/subjects/stack-check-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":" + quote(schema) + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).matches("\\{\"id\":\\d+}");

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, KafkaTopicSchemaStore.DEFAULT_TOPIC);
            assertThat(admin.describeConfigs(Set.of(topic)).all().get().get(topic).get("cleanup.policy").value())
                    .isEqualTo("compact");
        }
        try (KafkaTopicSchemaStore reopened = new KafkaTopicSchemaStore(stack.kafkaBootstrapServers())) {
            assertThat(reopened.entries()).anySatisfy(e -> assertThat(e)
                    .isInstanceOfSatisfying(SchemaEntry.SchemaRegistered.class, registration -> {
                        assertThat(registration.subject()).isEqualTo("stack-check-value");
                        assertThat(registration.version()).isEqualTo(1);
                    }));
        }
    }

    @Test
    void aTakenPortIsNamedInTheError() {
        StackPorts clash = new StackPorts(stack.ports().mariaDb(), 1, 1, 1, 1);

        assertThatThrownBy(clash::requireFree)
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining("Port " + stack.ports().mariaDb() + " (MariaDB) is already in use");
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String quote(String json) {
        return "\"" + json.replace("\"", "\\\"") + "\"";
    }
}
