package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.marquee.stack.EmbeddedStack;
import dev.marquee.support.RetryingConsumers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operators poll: every running service is ready and exposes Prometheus metrics, including its own, and
 * {@code marquee status} sums it up with lag and dead letters.
 */
class OperationsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource({
            "order-api, marquee_orders{",
            "outbox-relay, marquee_outbox_relay_leader",
            "seat-allocator, marquee_allocator_decision_latency_seconds",
            "payment-listener, marquee_hall_lock_wait_seconds",
            "expiry-worker, marquee_expiry",
            "box-office, http_server_requests"})
    void eachServiceIsReadyAndExposesPrometheusMetrics(String service, String metric) throws Exception {
        Pipeline pipeline = SharedPipeline.get();
        String base = "http://127.0.0.1:" + pipeline.port(service);
        if (service.equals("order-api")) {
            Api.get("/api/movies");
        } else if (service.equals("box-office")) {
            get(base + "/api/box-office/rankings");
        }

        HttpResponse<String> readiness = get(base + "/actuator/health/readiness");
        HttpResponse<String> metrics = get(base + "/actuator/prometheus");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", metric);
    }

    /**
     * order-api counts the orders in each live state from the database: with a held order of ours among them, the
     * HELD gauge comes to equal the number of held orders in the table (other tests' holds come and go meanwhile).
     */
    @Test
    void theOrderGaugesCountLiveOrders() throws Exception {
        String base = "http://127.0.0.1:" + SharedPipeline.get().port("order-api");
        Api.heldOrder(Api.newScreening(2), "K1");

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            long held = Api.count("SELECT COUNT(*) FROM customer_order WHERE status = 'HELD'");
            return held >= 1 && heldGauge(base) == held;
        });
        assertThat(get(base + "/actuator/prometheus").body()).contains("marquee_orders_requested_oldest_seconds");
        // outbox-relay measured how long our order's request took from its acceptance to Kafka
        String relay = "http://127.0.0.1:" + SharedPipeline.get().port("outbox-relay");
        await().atMost(Duration.ofSeconds(10)).until(() -> get(relay + "/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("marquee_outbox_relay_lag_seconds_count"))
                .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) > 0));
    }

    /**
     * Every series the provisioned Grafana dashboard and the Prometheus alert rules query is one the running services
     * export (a renamed meter would leave a panel empty, or an alert that never fires, without a word).
     */
    @Test
    void theDashboardAndTheAlertRulesQueryMetricsTheServicesExport() throws Exception {
        Pipeline pipeline = SharedPipeline.get();
        Set<String> exported = new TreeSet<>();
        for (Service service : Service.values()) {
            get("http://127.0.0.1:" + pipeline.port(service.id()) + "/actuator/prometheus").body().lines()
                    .filter(line -> !line.startsWith("#")).map(line -> line.split("[{ ]")[0]).forEach(exported::add);
        }
        Set<String> queried = new TreeSet<>();
        Matcher names = Pattern.compile("marquee_[a-z_]+").matcher(
                Files.readString(Path.of("..", "deploy", "grafana", "dashboards", "marquee-pipeline.json"))
                        + Files.readString(Path.of("..", "deploy", "prometheus", "marquee-alerts.yml")));
        while (names.find()) {
            queried.add(names.group());
        }

        assertThat(queried).contains("marquee_orders", "marquee_allocator_decision_latency_seconds_bucket",
                "marquee_consumer_lag_records", "marquee_outbox_relay_lag_seconds_bucket",
                "marquee_expiry_lag_seconds_bucket");
        assertThat(exported).containsAll(queried);
    }

    private static long heldGauge(String base) throws Exception {
        return get(base + "/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("marquee_orders{") && line.contains("state=\"HELD\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    /**
     * {@code marquee status} reads readiness, consumer lag and waiting dead letters: every service of the pipeline
     * is UP, the allocator catches up to no lag, an undecodable request shows as a dead letter waiting (exit code
     * 1), and so does a service that does not answer.
     */
    @Test
    void statusShowsReadinessLagAndDeadLettersWaiting() throws Exception {
        String bootstrap = EmbeddedStack.shared().kafkaBootstrapServers();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("order-requests", "1", "not an order".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        List<String> args = new ArrayList<>(List.of("status", "--json", "--bootstrap", bootstrap, "--token",
                SignedIn.operator().token()));
        for (String service : List.of("order-api", "outbox-relay", "seat-allocator", "payment-listener", "expiry-worker",
                "box-office")) {
            args.addAll(List.of("--service", service + "=http://127.0.0.1:" + SharedPipeline.get().port(service)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode report = status(args).report();
            return report.path("lag").path("seat-allocator").asLong(-1) == 0
                    && report.path("deadLetters").path("order-requests-dlt").asLong() >= 1;
        });
        Status status = status(args);
        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.report().path("ok").asBoolean()).isFalse();
        status.report().path("services").properties().forEach(s -> assertThat(s.getValue().asString()).isEqualTo("UP"));
        assertThat(status.report().path("services").size()).isEqualTo(6);
        assertThat(status.report().path("lag").properties()).extracting(Map.Entry::getKey)
                .containsExactly("seat-allocator", "order-api", "payment-listener", "payment-refunds", "payment-orders",
                        "box-office");

        List<String> withGhost = new ArrayList<>(args);
        withGhost.addAll(List.of("--service", "ghost=http://127.0.0.1:" + TcpProxy.freePort()));
        assertThat(status(withGhost).report().path("services").path("ghost").asString()).isEqualTo("UNREACHABLE");
    }

    /**
     * A consumer group whose one record keeps failing transiently (retried for ever, as it must be: nothing accepted
     * is skipped) holds its partition: the service it runs in exports how long, {@code marquee status} names the
     * group and exits 1. So does an order that has waited ten minutes as REQUESTED. Before, status said OK.
     */
    @Test
    void statusNamesAStalledConsumerGroupAndAnOrderLongRequested() throws Exception {
        Pipeline pipeline = SharedPipeline.get();
        String bootstrap = EmbeddedStack.shared().kafkaBootstrapServers();
        String topic = "ops-stalled";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "a record whose handling fails transiently")).get();
        }
        AtomicInteger tries = new AtomicInteger();
        KafkaMessageListenerContainer<String, String> stalled = failingConsumer(bootstrap, topic, tries);
        ConfigurableApplicationContext orderApi = pipeline.context("order-api");
        orderApi.getBeanFactory().registerSingleton("opsStalledConsumer", stalled);
        stalled.start();
        String order = UUID.randomUUID().toString();
        Api.execute("INSERT INTO customer_order (id, customer_id, screening_id, hall_id, status, amount_minor, currency,"
                + " created_at, updated_at, version) VALUES ('" + order + "', 'ops-waiting', " + Api.newScreening(2)
                + ", 2, 'REQUESTED', 100, 'CNY', '" + LocalDateTime.now().minusMinutes(10) + "', NOW(3), 0)");
        try {
            List<String> args = statusArgs(bootstrap, pipeline);
            args.addAll(List.of("--stalled-after", "3s", "--requested-after", "5m"));

            Status status = await().atMost(Duration.ofSeconds(30)).until(() -> status(args),
                    s -> s.report().path("stalled").toString().contains(topic)
                            && s.report().path("oldestRequestedSeconds").asLong() >= 600);

            assertThat(tries.get()).as("the record was tried again and again").isGreaterThan(2);
            assertThat(status.exit()).isEqualTo(1);
            assertThat(status.report().path("ok").asBoolean()).isFalse();
            assertThat(status.report().path("stalledSeconds").path(topic).asDouble()).isGreaterThanOrEqualTo(3);
            assertThat(status.report().path("stalledSeconds").has("seat-allocator")).isTrue();
            assertThat(status.report().path("stalled").toString()).doesNotContain("seat-allocator");
            assertThat(status.report().path("problems").toString())
                    .contains("consumer group " + topic + " has not moved for", "with 1 records waiting",
                            "the oldest REQUESTED order has waited");
            assertThat(PrometheusSamples.byLabel(get("http://127.0.0.1:" + pipeline.port("order-api")
                    + "/actuator/prometheus").body(), "marquee_consumer_stalled_seconds", "group").get(topic))
                    .isGreaterThanOrEqualTo(3);
        } finally {
            stalled.stop();
            ((DefaultListableBeanFactory) orderApi.getBeanFactory()).destroySingleton("opsStalledConsumer");
            Api.execute("DELETE FROM customer_order WHERE id = '" + order + "'");
        }
    }

    private static KafkaMessageListenerContainer<String, String> failingConsumer(String bootstrap, String topic,
                                                                                AtomicInteger tries) {
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(topic);
        properties.setMessageListener((MessageListener<String, String>) record -> {
            tries.incrementAndGet();
            throw new TransientDataAccessResourceException("the database is away");
        });
        KafkaMessageListenerContainer<String, String> container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        new StringDeserializer(), new StringDeserializer()), properties);
        container.setCommonErrorHandler(RetryingConsumers.untilTheySucceed());
        return container;
    }

    private static List<String> statusArgs(String bootstrap, Pipeline pipeline) {
        List<String> args = new ArrayList<>(List.of("status", "--json", "--bootstrap", bootstrap, "--token",
                SignedIn.operator().token()));
        for (String service : List.of("order-api", "outbox-relay", "seat-allocator", "payment-listener", "expiry-worker",
                "box-office")) {
            args.addAll(List.of("--service", service + "=http://127.0.0.1:" + pipeline.port(service)));
        }
        return args;
    }

    /**
     * The shared stack owns its data directory: a bench (or run) pointed at it is refused, naming the owner, and
     * exits 1 without wiping a thing (it used to wipe the directory under the running broker and database).
     */
    @Test
    void aSecondStackOnADataDirectoryInUseIsRefusedNamingItsOwner() throws Exception {
        SharedPipeline.get();
        Path inUse = Path.of("target", "embedded-stack");
        long records = Api.records("order-requests");
        StringWriter err = new StringWriter();
        CommandLine cli = Marquee.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("bench", "replay", "--data-dir", inUse.toString(), "--events", "10");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("is in use by", "pid " + ProcessHandle.current().pid(), "--data-dir");
        assertThat(inUse.resolve("kafka")).isDirectory();
        assertThat(Api.records("order-requests")).isGreaterThanOrEqualTo(records);
        assertThat(Api.get("/api/movies").statusCode()).isEqualTo(200);
    }

    private record Status(int exit, JsonNode report) {
    }

    private static Status status(List<String> args) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new Marquee()).setOut(new PrintWriter(out));
        int exit = command.execute(args.toArray(String[]::new));
        return new Status(exit, JsonMapper.builderWithJackson2Defaults().build().readTree(out.toString()));
    }

    /** As an operator (metrics need operations read; health is anyone's). */
    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(Api.asOperator(HttpRequest.newBuilder(URI.create(url))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
