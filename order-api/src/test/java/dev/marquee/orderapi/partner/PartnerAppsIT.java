package dev.marquee.orderapi.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.marquee.orderapi.OrderApiApplication;
import dev.marquee.orderapi.TestCatalog;
import dev.marquee.stack.EmbeddedStack;
import dev.marquee.support.security.AccessTokens;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Permissions;
import dev.marquee.support.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Partner apps and rate limits through two real order-api instances on the embedded stack: apps are created on
 * one, their signed requests verified on the other; the rate limits hold across both. The per-user and
 * per-screening limits are set small here (10 and 5 an hour) so that a test can reach them.
 */
class PartnerAppsIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static AccessTokens tokens;

    @BeforeAll
    static void start() {
        EmbeddedStack stack = EmbeddedStack.shared();
        Config config = new Config();
        config.useSingleServer().setAddress(stack.redisAddress());
        RedissonClient redis = Redisson.create(config);
        redis.getKeys().deleteByPattern("marquee:rate:*"); // buckets an earlier run of this test left (AOF)
        redis.shutdown();
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("marquee.rate-limits.user.capacity", "10");
        properties.put("marquee.rate-limits.user.refill", "10");
        properties.put("marquee.rate-limits.user.period", "1h");
        properties.put("marquee.rate-limits.screening.capacity", "5");
        properties.put("marquee.rate-limits.screening.refill", "5");
        properties.put("marquee.rate-limits.screening.period", "1h");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        first = OrderApiApplication.application().registerShutdownHook(false).run(args);
        TestCatalog.ensure(first.getBean(javax.sql.DataSource.class));
        second = OrderApiApplication.application().registerShutdownHook(false).run(args);
        tokens = first.getBean(AccessTokens.class);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {second, first}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void aSignedRequestReachesTheEndpointAsTheAppWithItsBodyIntact() throws Exception {
        App app = create("terminal", "operations=--m,catalog=r--");

        String body = "{\"name\":\"made by an app\",\"permissions\":\"catalog=r--\"}";
        HttpResponse<String> created = signed(second, app, "POST", "/api/admin/apps", body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JsonPath.<String>read(created.body(), "$.name")).isEqualTo("made by an app");
        HttpResponse<String> denied = signed(second, create("reader", "catalog=r--"), "GET", "/api/admin/apps", "");
        assertThat(denied.statusCode()).as("an app without operations=--m").isEqualTo(403);
    }

    @Test
    void aReplayedNonceIsRefused() throws Exception {
        App app = create("replayer", "operations=--m");
        Map<String, String> headers = app.signer().headers("GET", URI.create("/api/admin/apps?b=2&a=1"), new byte[0]);

        assertThat(send(first, "GET", "/api/admin/apps?a=1&b=2", "", headers).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = send(second, "GET", "/api/admin/apps?a=1&b=2", "", headers);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(code(replay)).isEqualTo("nonce-replayed");
    }

    @Test
    void aStaleTimestampIsRefused() throws Exception {
        App app = create("late", "operations=--m");
        Map<String, String> headers = app.signer().headers("GET", URI.create("/api/admin/apps"), new byte[0],
                Instant.now().getEpochSecond() - 400, UUID.randomUUID().toString());

        HttpResponse<String> stale = send(first, "GET", "/api/admin/apps", "", headers);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(code(stale)).isEqualTo("signature-stale");
    }

    @Test
    void aTamperedRequestIsRefusedWithoutBurningTheRealClientsNonce() throws Exception {
        App app = create("tampered", "operations=--m");
        String body = "{\"name\":\"x\",\"permissions\":\"\"}";
        Map<String, String> headers = app.signer().headers("POST", URI.create("/api/admin/apps"),
                body.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> forged = send(first, "POST", "/api/admin/apps",
                "{\"name\":\"x\",\"permissions\":\"operations=--m\"}", headers);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(code(forged)).isEqualTo("signature-invalid");
        assertThat(send(second, "POST", "/api/admin/apps", body, headers).statusCode()).isEqualTo(201);
    }

    @Test
    void unknownRevokedAndHalfSignedRequestsAreRefused() throws Exception {
        App app = create("soon revoked", "operations=--m");
        App unknown = new App("app_nobody", app.secret());
        Map<String, String> half = new HashMap<>(app.signer().headers("GET", URI.create("/api/admin/apps"),
                new byte[0]));
        half.remove("X-Marquee-Nonce");

        assertThat(code(signed(first, unknown, "GET", "/api/admin/apps", ""))).isEqualTo("app-unknown");
        assertThat(code(send(first, "GET", "/api/admin/apps", "", half))).isEqualTo("signature-missing");
        assertThat(signed(second, app, "GET", "/api/admin/apps", "").statusCode()).isEqualTo(200);
        assertThat(admin(first, "POST", "/api/admin/apps/" + app.key() + "/revoke", "").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(code(signed(second, app, "GET", "/api/admin/apps", ""))).isEqualTo("app-revoked"));
    }

    @Test
    void afterARotationThePreviousSecretWorksUntilDropped() throws Exception {
        App old = create("rotating", "operations=--m");
        HttpResponse<String> rotated = admin(first, "POST", "/api/admin/apps/" + old.key() + "/rotate", "");
        App fresh = new App(old.key(), JsonPath.read(rotated.body(), "$.secret"));

        assertThat(fresh.secret()).isNotEqualTo(old.secret());
        assertThat(signed(second, old, "GET", "/api/admin/apps", "").statusCode()).isEqualTo(200);
        assertThat(signed(second, fresh, "GET", "/api/admin/apps", "").statusCode()).isEqualTo(200);
        assertThat(admin(first, "POST", "/api/admin/apps/" + old.key() + "/rotate?dropPrevious=true", "")
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(code(signed(second, old, "GET", "/api/admin/apps", ""))).isEqualTo("signature-invalid"));
        assertThat(signed(second, fresh, "GET", "/api/admin/apps", "").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeHashing() throws Exception {
        App app = create("big", "operations=--m");
        String body = "{\"name\":\"" + "x".repeat(70_000) + "\",\"permissions\":\"\"}";

        HttpResponse<String> refused = signed(first, app, "POST", "/api/admin/apps", body);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(code(refused)).isEqualTo("body-too-large");
    }

    @Test
    void aSignedAppGetsABearerTokenForItselfAndOnlyBySigning() throws Exception {
        App app = create("script", "operations=--m");

        HttpResponse<String> issued = signed(first, app, "POST", "/api/auth/token", "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String token = JsonPath.read(issued.body(), "$.access_token");
        assertThat(JsonPath.<String>read(issued.body(), "$.token_type")).isEqualTo("Bearer");
        assertThat(bearer(second, token, "GET", "/api/admin/apps", "").statusCode()).isEqualTo(200);
        assertThat(bearer(second, token, "POST", "/api/auth/token", "").statusCode())
                .as("a token cannot buy another token").isEqualTo(403);
        assertThat(code(send(second, "POST", "/api/auth/token", "", Map.of()))).isEqualTo("unauthenticated");
    }

    /** README's shell example (requests/signed-request.sh: openssl and curl) signs requests this server accepts. */
    @Test
    void theShellExampleSignsRequestsTheServerAccepts() throws Exception {
        App app = create("shell", "operations=--m");
        String port = first.getEnvironment().getProperty("local.server.port");

        String list = shell(app, port, "GET", "/api/admin/apps", "a=1&b=x%20y", "");
        String created = shell(app, port, "POST", "/api/admin/apps", "",
                "{\"name\":\"from the shell\",\"permissions\":\"\"}");

        assertThat(list).startsWith("[").contains(app.key());
        assertThat(JsonPath.<String>read(created, "$.name")).isEqualTo("from the shell");
    }

    private static String shell(App app, String port, String... args) throws Exception {
        java.nio.file.Path script = java.nio.file.Path.of("..", "requests", "signed-request.sh");
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("APP", app.key(), "SECRET", app.secret(),
                "URL", "http://127.0.0.1:" + port));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    /** 10 an hour per user (as set above): of 20 requests spread over both instances, exactly 10 pass. */
    @Test
    void theUserLimitHoldsAcrossTwoInstancesAndSaysWhenToRetry() throws Exception {
        String token = tokens.issue(new Caller("rate-" + UUID.randomUUID(), Role.CUSTOMER, Role.CUSTOMER.defaults(),
                null, null)).value();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(bearer(i % 2 == 0 ? first : second, token, "GET", "/api/screenings", ""));
        }

        assertThat(answers.stream().filter(a -> a.statusCode() == 200)).hasSize(10);
        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(refused).hasSize(10);
        assertThat(refused.get(0).headers().firstValue("Retry-After")).get().satisfies(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(300L, 360L));
        assertThat(code(refused.get(0))).isEqualTo("rate-limited");
        assertThat(JsonPath.<String>read(refused.get(0).body(), "$.limit")).isEqualTo("user");
    }

    /**
     * Orders refused from memory (an unknown screening here, seats taken in a flash sale) are answered at once, but
     * still cost their caller a token each, drawn in a batch: after 10 of them (the user limit above), spread over
     * both instances, the user is refused on both.
     */
    @Test
    void refusedOrdersStillCountOnTheirCallersLimitOnEveryInstance() throws Exception {
        String token = tokens.issue(new Caller("rate-" + UUID.randomUUID(), Role.CUSTOMER, Role.CUSTOMER.defaults(),
                null, null)).value();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> refused = bearer(i % 2 == 0 ? first : second, token, "POST", "/api/orders",
                    "{\"screeningId\": 987654321,\"anySeats\":1}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(code(refused)).isEqualTo("unknown-screening");
        }

        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                HttpResponse<String> limited = bearer(instance, token, "GET", "/api/screenings", "");
                assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
                assertThat(JsonPath.<String>read(limited.body(), "$.limit")).isEqualTo("user");
            });
        }
    }

    /** 5 an hour per screening (as set above), whoever orders: the sixth order for screening 2 is refused. */
    @Test
    void theScreeningLimitCountsEveryOrderForIt() throws Exception {
        App reseller = create("reseller", "orders=rw-");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            last = signed(i % 2 == 0 ? first : second, reseller, "POST", "/api/orders",
                    "{\"screeningId\": 2,\"anySeats\":1}");
            statuses.add(last.statusCode());
        }
        HttpResponse<String> other = signed(first, reseller, "POST", "/api/orders",
                "{\"screeningId\":1,\"anySeats\":1}");

        assertThat(statuses.subList(0, 5)).containsOnly(202);
        assertThat(statuses.get(5)).isEqualTo(429);
        assertThat(code(last)).isEqualTo("rate-limited");
        assertThat(JsonPath.<String>read(last.body(), "$.limit")).isEqualTo("screening");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(other.statusCode()).as(other.body()).isEqualTo(202);
    }

    record App(String key, String secret) {
        RequestSigner signer() {
            return new RequestSigner(key, secret);
        }
    }

    private static App create(String name, String permissions) throws Exception {
        HttpResponse<String> created = admin(first, "POST", "/api/admin/apps",
                "{\"name\":\"" + name + "\",\"permissions\":\"" + permissions + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new App(JsonPath.read(created.body(), "$.key"), JsonPath.read(created.body(), "$.secret"));
    }

    /** As a platform admin (each call its own subject, so the small per-user limit set here is not reached). */
    private static HttpResponse<String> admin(ConfigurableApplicationContext app, String method, String path,
                                              String body) throws Exception {
        String token = tokens.issue(new Caller("admin-" + UUID.randomUUID(), Role.ADMIN, Permissions.ALL, null, null))
                .value();
        return bearer(app, token, method, path, body);
    }

    private static HttpResponse<String> bearer(ConfigurableApplicationContext app, String token, String method,
                                               String path, String body) throws Exception {
        return send(app, method, path, body, Map.of("Authorization", "Bearer " + token));
    }

    private static HttpResponse<String> signed(ConfigurableApplicationContext app, App signer, String method,
                                               String path, String body) throws Exception {
        return send(app, method, path, body, signer.signer().headers(method, URI.create(path),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext app, String method, String path,
                                             String body, Map<String, String> headers) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The problem's code, or the status of an answer that is no problem. */
    private static String code(HttpResponse<String> response) {
        return response.body().startsWith("{") && response.body().contains("\"code\"")
                ? JsonPath.read(response.body(), "$.code") : "status " + response.statusCode();
    }
}
