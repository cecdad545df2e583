package dev.marquee.launcher;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code marquee status}: is the pipeline keeping up, and is anything waiting for an operator? */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"One look at a running pipeline: whether each service is ready, how many records each",
                "consumer group has not handled yet (its lag) and for how long its offset has not moved while",
                "records waited (as the services measure it: marquee_consumer_stalled_seconds), the age of the",
                "oldest order still REQUESTED, and how many dead letters wait for a re-drive.",
                "Exit code 0 when all is well; 1 when something needs an operator (a service not ready, a",
                "consumer group stalled for --stalled-after, an order REQUESTED for --requested-after, a dead",
                "letter waiting), each named in the output; 2 when Kafka could not be asked."})
final class StatusCommand implements Callable<Integer> {

    /** Each consumer group of the pipeline and the topics it consumes. */
    static final Map<String, List<String>> GROUPS = groups();
    static final List<String> DEAD_LETTER_TOPICS = List.of("order-requests-dlt", "payment-callbacks-dlt",
            "payment-refunds-dlt", "payment-orders-dlt", "order-api-dlt", "box-office-dlt", "catalog-events-dlt",
            "payment-catalog-dlt", "box-office-catalog-dlt");
    static final String STALLED_METRIC = "marquee_consumer_stalled_seconds";
    static final String LAG_METRIC = "marquee_consumer_lag_records";
    static final String REQUESTED_METRIC = "marquee_orders_requested_oldest_seconds";
    /** Where {@code ./marquee run} binds each service. */
    static final Map<String, String> RUN_SERVICES = services(8081, 8082, 8083);
    /**
     * Where docker-compose.yml publishes the first instance of each service on the host (order-api's range starts at
     * 8080 and runs over 8081-8083, so the services without an API of their own have ranges of their own).
     */
    static final Map<String, String> COMPOSE_SERVICES = services(8181, 8281, 8381);

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers. Default: ${DEFAULT-VALUE}")
    String bootstrap = "127.0.0.1:29092";

    @Option(names = "--service", paramLabel = "NAME=URL", description = {"Where a service answers, e.g.",
            "--service order-api=http://10.0.0.5:8080. Defaults: order-api :8080, seat-allocator :8081,",
            "payment-listener :8082, expiry-worker :8083, box-office :8084, outbox-relay :8085 on 127.0.0.1."})
    Map<String, String> services = new LinkedHashMap<>();

    @Option(names = "--compose", description = {"The services where docker-compose.yml publishes them on this host",
            "(seat-allocator :8181, payment-listener :8281, expiry-worker :8381; the others as above)."})
    boolean compose;

    @Option(names = "--stalled-after", converter = DurationConverter.class, description = {"A consumer group whose",
            "records have waited this long without its offset moving is stalled. Default: 60s"})
    Duration stalledAfter = Duration.ofSeconds(60);

    @Option(names = "--requested-after", converter = DurationConverter.class, description = {"An order still",
            "REQUESTED (not yet decided by the allocator) after this long needs an operator. Default: 60s"})
    Duration requestedAfter = Duration.ofSeconds(60);

    @Mixin
    OperatorToken token;

    @Option(names = "--json", description = "Print one line of JSON instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Map<String, String> urls = new LinkedHashMap<>(compose ? COMPOSE_SERVICES : RUN_SERVICES);
        urls.putAll(services);
        Map<String, String> readiness = new LinkedHashMap<>();
        urls.forEach((name, url) -> readiness.put(name, readiness(url)));
        Map<String, Long> lag = new LinkedHashMap<>();
        Map<String, Long> deadLetters = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
                lag.put(group.getKey(), unhandled(admin, group.getKey(),
                        group.getValue().stream().filter(existing::contains).toList()));
            }
            for (String topic : DEAD_LETTER_TOPICS) {
                deadLetters.put(topic, existing.contains(topic)
                        ? unhandled(admin, "marquee-redrive." + topic, List.of(topic)) : 0L);
            }
        } catch (Exception e) {
            spec.commandLine().getErr().println("status: Kafka at " + bootstrap + " could not be asked: " + e);
            return 2;
        }
        Map<String, Double> stalled = new TreeMap<>();
        Map<String, Long> groupLag = new TreeMap<>();
        Long oldestRequested = null;
        for (Map.Entry<String, String> service : urls.entrySet()) {
            String metrics = metrics(service.getKey(), service.getValue());
            PrometheusSamples.byLabel(metrics, STALLED_METRIC, "group").forEach((g, v) -> stalled.merge(g, v, Math::max));
            PrometheusSamples.byLabel(metrics, LAG_METRIC, "group").forEach((g, v) -> groupLag.merge(g, v.longValue(), Math::max));
            Double requested = PrometheusSamples.byLabel(metrics, REQUESTED_METRIC, "group").get("");
            if (requested != null) {
                oldestRequested = Math.max(oldestRequested == null ? 0 : oldestRequested, requested.longValue());
            }
        }
        Map<String, Long> lagOfStalled = new LinkedHashMap<>(groupLag);
        lagOfStalled.putAll(lag);
        Attention attention = Attention.of(readiness, deadLetters, stalled, lagOfStalled, oldestRequested,
                stalledAfter, requestedAfter);
        print(readiness, urls, lag, deadLetters, stalled, groupLag, oldestRequested, attention);
        return attention.needed() ? 1 : 0;
    }

    private void print(Map<String, String> readiness, Map<String, String> urls, Map<String, Long> lag,
                       Map<String, Long> deadLetters, Map<String, Double> stalled, Map<String, Long> groupLag,
                       Long oldestRequested, Attention attention) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("services", readiness);
            report.put("lag", lag);
            Map<String, Double> stalledSeconds = new LinkedHashMap<>();
            stalled.forEach((group, seconds) -> stalledSeconds.put(group, Math.round(seconds * 10) / 10.0));
            report.put("stalledSeconds", stalledSeconds);
            report.put("stalled", stalled.entrySet().stream()
                    .filter(e -> Attention.stalled(e.getValue(), stalledAfter)).map(Map.Entry::getKey).toList());
            report.put("oldestRequestedSeconds", oldestRequested);
            report.put("deadLetters", deadLetters);
            report.put("thresholds", Map.of("stalledAfterSeconds", stalledAfter.toSeconds(),
                    "requestedAfterSeconds", requestedAfter.toSeconds()));
            report.put("problems", attention.problems());
            report.put("ok", !attention.needed());
            out.println(JsonMapper.builderWithJackson2Defaults().build().writeValueAsString(report));
        } else {
            out.println("services (readiness)");
            readiness.forEach((name, state) -> out.printf("  %-18s %-28s %s%n", name, urls.get(name), state));
            out.println("consumer groups (records not handled yet; how long they waited while the offset did not move)");
            lag.forEach((group, records) -> out.printf("  %-18s %-36s %8d   %s%n", group,
                    String.join(", ", GROUPS.get(group)), records, stalledText(stalled.get(group))));
            stalled.forEach((group, seconds) -> {
                if (!lag.containsKey(group)) {
                    out.printf("  %-18s %-36s %8s   %s%n", group, "", groupLag.getOrDefault(group, 0L),
                            stalledText(seconds));
                }
            });
            out.printf("orders%n  %-18s %s%n", "oldest REQUESTED", oldestRequested == null ? "unknown (order-api not read)"
                    : oldestRequested + " s");
            out.println("dead letters (waiting for 'marquee dead-letters redrive')");
            deadLetters.forEach((topic, waiting) -> out.printf("  %-24s %d%n", topic, waiting));
            out.println(attention.needed() ? "NEEDS ATTENTION" : "OK");
            attention.problems().forEach(problem -> out.println("  - " + problem));
        }
        out.flush();
    }

    private String stalledText(Double seconds) {
        if (seconds == null) {
            return "-";
        }
        return seconds == 0 ? "0 s" : Math.round(seconds) + " s" + (Attention.stalled(seconds, stalledAfter) ? "  STALLED" : "");
    }

    /** Records of the topics after the group's committed offsets (all of them where it committed none). */
    private static long unhandled(Admin admin, String group, List<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                        OffsetSpec.latest())));
        Map<TopicPartition, OffsetSpec> earliest = latest.keySet().stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
        long unhandled = 0;
        for (TopicPartition partition : latest.keySet()) {
            OffsetAndMetadata at = committed.get(partition);
            long from = at == null ? starts.get(partition).offset() : at.offset();
            unhandled += Math.max(0, ends.get(partition).offset() - from);
        }
        return unhandled;
    }

    /**
     * The service's Prometheus metrics (an operator's to read), or nothing when it does not answer (its readiness
     * says so) or refuses the caller (said on stderr: the figures from it are missing).
     */
    private String metrics(String service, String url) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(token.sign(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus")))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            token.refusal(response.statusCode(), code(response.body())).ifPresent(refused -> spec.commandLine()
                    .getErr().println("status: " + service + " refused its metrics, " + refused));
            return response.statusCode() == 200 ? response.body() : "";
        } catch (Exception e) {
            return "";
        }
    }

    private static String code(String problem) {
        try {
            return JsonMapper.builderWithJackson2Defaults().build().readTree(problem).path("code").asString();
        } catch (Exception e) {
            return "";
        }
    }

    private static String readiness(String url) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return JsonMapper.builderWithJackson2Defaults().build().readTree(response.body()).path("status").asString("HTTP " + response.statusCode());
        } catch (Exception e) {
            return "UNREACHABLE";
        }
    }

    private static Map<String, String> services(int seatAllocator, int paymentListener, int expiryWorker) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("order-api", "http://127.0.0.1:8080");
        defaults.put("seat-allocator", "http://127.0.0.1:" + seatAllocator);
        defaults.put("payment-listener", "http://127.0.0.1:" + paymentListener);
        defaults.put("expiry-worker", "http://127.0.0.1:" + expiryWorker);
        defaults.put("box-office", "http://127.0.0.1:8084");
        defaults.put("outbox-relay", "http://127.0.0.1:8085");
        return Collections.unmodifiableMap(defaults);
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("seat-allocator", List.of("order-requests"));
        groups.put("order-api", List.of("seat-events", "order-events"));
        groups.put("payment-listener", List.of("payment-callbacks"));
        groups.put("payment-refunds", List.of("order-events"));
        groups.put("payment-orders", List.of("order-requests"));
        groups.put("box-office", List.of("order-events", "seat-events"));
        return groups;
    }
}
