package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitStatus;
import static dev.marquee.launcher.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.marquee.relay.OutboxRelayApplication;
import dev.marquee.stack.EmbeddedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Any number of outbox-relay instances may run: one leads and relays, the others stand by and take over when it
 * loses its lock or stops. Orders placed before, during and after each change of leader are all relayed and
 * decided; readiness says each instance's role, and the leader's is up only while its relay runs.
 */
class OutboxRelayLeadershipIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LEADER = Pattern.compile("(?m)^marquee_outbox_relay_leader(?:\\{[^}]*})? (\\S+)$");

    @BeforeAll
    static void start() {
        SharedPipeline.get();
    }

    @Test
    void oneInstanceRelaysAndAStandbyTakesOverWhenTheLeaderLosesItsLockOrStops() throws Exception {
        int orderApi = SharedPipeline.get().port("order-api");
        int first = SharedPipeline.get().port("outbox-relay");
        await().atMost(Duration.ofSeconds(10)).until(() -> leads(first));
        assertThat(readiness(first)).contains("\"role\":\"leader\"").contains("\"status\":\"UP\"")
                .contains("\"binlog\":\"connected\"");
        // a leader that died would hold every order up until its lock lapses: within the 10 s leader lease, not
        // Redisson's default 30 s watchdog
        RedissonClient probe = redis();
        try {
            assertThat(probe.getKeys().remainTimeToLive("marquee:outbox-relay:leader")).isBetween(1L, 10_000L);
        } finally {
            probe.shutdown();
        }

        try (ConfigurableApplicationContext secondRelay = startRelay()) {
            int second = ((WebServerApplicationContext) secondRelay).getWebServer().getPort();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
                    .until(() -> leads(first) && !leads(second));
            assertThat(readiness(second)).contains("\"role\":\"standby\"").contains("\"status\":\"UP\"");
            String relayedByFirst = order(orderApi, "A1");
            awaitStatus(relayedByFirst, "HELD");

            // the leader's lock is gone, as when Redisson's watchdog missed a renewal: it stops, the standby leads
            RedissonClient redis = redis();
            try {
                assertThat(redis.getKeys().delete("marquee:outbox-relay:leader")).isEqualTo(1);
            } finally {
                redis.shutdown();
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> leads(second) && !leads(first));
            String relayedBySecond = order(orderApi, "A2");
            awaitStatus(relayedBySecond, "HELD");
        }

        // the second instance stopped gracefully and let go: the first leads again
        await().atMost(Duration.ofSeconds(15)).until(() -> leads(first));
        String relayedByFirstAgain = order(orderApi, "A3");
        awaitStatus(relayedByFirstAgain, "HELD");
    }

    private static ConfigurableApplicationContext startRelay() {
        Map<String, Object> properties = new LinkedHashMap<>(EmbeddedStack.shared().properties());
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.port", 0);
        return OutboxRelayApplication.application().registerShutdownHook(false)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    private static String order(int port, String seat) throws Exception {
        long screening = Api.newScreening(2);
        HttpResponse<String> placed = HTTP.send(SignedIn.customer().sign(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/orders")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"screeningId\":" + screening
                        + ",\"seats\":[\"" + seat + "\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        return json(placed).read("$.id");
    }

    private static boolean leads(int port) throws Exception {
        String metrics = HTTP.send(Api.asOperator(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus"))).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher leader = LEADER.matcher(metrics);
        assertThat(leader.find()).as("the leader gauge in\n" + metrics).isTrue();
        return Double.parseDouble(leader.group(1)) == 1.0;
    }

    private static String readiness(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static RedissonClient redis() {
        Config config = new Config();
        config.useSingleServer().setAddress(EmbeddedStack.shared().redisAddress());
        return Redisson.create(config);
    }
}
