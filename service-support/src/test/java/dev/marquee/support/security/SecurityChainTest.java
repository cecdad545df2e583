package dev.marquee.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The security chain in a real web server: who gets through, and what everyone else is told. */
class SecurityChainTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KeyPair key;
    private static KeyPair otherKey;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        key = rsa.generateKeyPair();
        otherKey = rsa.generateKeyPair();
        app = run(Guarded.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static ConfigurableApplicationContext run(Class<?> application) {
        return new SpringApplication(application).run("--server.port=0", "--spring.main.banner-mode=off",
                "--marquee.security.jwt.keys[0].id=k1", "--marquee.security.jwt.keys[0].public-key=" + b64(key.getPublic().getEncoded()),
                "--marquee.security.jwt.keys[0].private-key=" + b64(key.getPrivate().getEncoded()),
                "--marquee.security.jwt.signing-key-id=k1",
                "--marquee.security.jwt.keys[1].id=k0", "--marquee.security.jwt.keys[1].public-key=" + b64(otherKey.getPublic().getEncoded()));
    }

    @Test
    void anonymousCallersBrowseButMustSignInForTheRest() throws Exception {
        assertThat(get("/catalog", null).statusCode()).isEqualTo(200);
        HttpResponse<String> orders = get("/orders", null);
        assertThat(orders.statusCode()).isEqualTo(401);
        assertThat(orders.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(orders.body()).contains("\"code\":\"unauthenticated\"");
        assertThat(get("/public", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenCarriesTheCallerAndItsBits() throws Exception {
        String customer = tokens(key, "k1").issue(new Caller("42", Role.CUSTOMER, Role.CUSTOMER.defaults(), null, "s")).value();
        HttpResponse<String> orders = get("/orders", customer);
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body()).isEqualTo("42 CUSTOMER orders=rw-");
        HttpResponse<String> refunds = post("/refunds", customer);
        assertThat(refunds.statusCode()).isEqualTo(403);
        assertThat(refunds.body()).contains("\"code\":\"forbidden\"");
        String admin = tokens(key, "k1").issue(new Caller("1", Role.ADMIN, Role.ADMIN.defaults(), null, "s")).value();
        assertThat(post("/refunds", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void whoMayCallIsAnsweredBeforeTheBodyIsRead() throws Exception {
        HttpResponse<String> garbage = HTTP.send(HttpRequest.newBuilder(uri("/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(garbage.statusCode()).isEqualTo(401);
        String staff = tokens(key, "k1").issue(new Caller("9", Role.STAFF, Role.STAFF.defaults(), 3L, "s")).value();
        HttpResponse<String> denied = HTTP.send(HttpRequest.newBuilder(uri("/orders")).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("\"code\":\"forbidden\"");
    }

    @Test
    void signedInEndpointsTakeAnyoneSignedIn() throws Exception {
        assertThat(get("/me", null).statusCode()).isEqualTo(401);
        String app = tokens(key, "k1").issue(new Caller("app:x", Role.APP, Permissions.NONE, null, null)).value();
        HttpResponse<String> me = get("/me", app);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("app:x");
    }

    @Test
    void everyConfiguredKeyVerifiesSoKeysRotate() throws Exception {
        String signedWithOld = tokens(otherKey, "k0").issue(new Caller("42", Role.CUSTOMER, Role.CUSTOMER.defaults(), null, null)).value();
        assertThat(get("/orders", signedWithOld).statusCode()).isEqualTo(200);
    }

    @Test
    void forgedMalformedAndExpiredTokensAreToldApart() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String forged = tokens(rsa.generateKeyPair(), "k1").issue(new Caller("1", Role.ADMIN, Permissions.ALL, null, null)).value();
        assertThat(get("/orders", forged).body()).contains("\"code\":\"token-invalid\"");
        assertThat(get("/orders", "not.a.token").body()).contains("\"code\":\"token-invalid\"");
        TokenProperties properties = new TokenProperties(java.util.List.of(new TokenProperties.Key("k1",
                b64(key.getPublic().getEncoded()), b64(key.getPrivate().getEncoded()))), "k1", Duration.ofMinutes(5), null);
        // issued ten minutes ago with five to live: past even the validators' minute of clock skew
        AccessTokens shortLived = new AccessTokens(TokenKeys.signing(properties), properties,
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(-10)));
        HttpResponse<String> expired = get("/orders", shortLived.issue(new Caller("42", Role.CUSTOMER, Role.CUSTOMER.defaults(), null, null)).value());
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("\"code\":\"token-expired\"");
        assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }

    @Test
    void aServiceWithAnUndeclaredEndpointDoesNotStart() {
        assertThatThrownBy(() -> run(Careless.class).close()).hasStackTraceContaining("Endpoints without @Permits or @PublicEndpoint")
                .hasStackTraceContaining("/forgotten");
    }

    private static AccessTokens tokens(KeyPair pair, String id) {
        return AccessTokens.signingWith(id, b64(pair.getPublic().getEncoded()), b64(pair.getPrivate().getEncoded()),
                Duration.ofMinutes(5));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    private static HttpResponse<String> post(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Guarded.Endpoints.class)
    static class Guarded {

        @RestController
        static class Endpoints {

            @Permits(area = Area.CATALOG, access = Access.READ)
            @GetMapping("/catalog")
            String catalog() {
                return "movies";
            }

            @Permits(area = Area.ORDERS, access = Access.READ)
            @GetMapping("/orders")
            String orders(@AuthenticationPrincipal Caller caller) {
                return caller.subject() + " " + caller.role() + " " + caller.permissions().and(Permissions.of(Area.ORDERS,
                        Access.READ, Access.WRITE, Access.MANAGE));
            }

            @Permits(area = Area.PAYMENTS, access = Access.MANAGE)
            @PostMapping("/refunds")
            String refunds() {
                return "refunded";
            }

            @Permits(area = Area.ORDERS, access = Access.WRITE)
            @PostMapping("/orders")
            String place(@org.springframework.web.bind.annotation.RequestBody java.util.Map<String, Object> body) {
                return "placed " + body.size();
            }

            @SignedIn
            @GetMapping("/me")
            String me(@AuthenticationPrincipal Caller caller) {
                return caller.subject();
            }

            @PublicEndpoint
            @GetMapping("/public")
            String open() {
                return "open";
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Careless.Endpoints.class)
    static class Careless {

        @RestController
        static class Endpoints {

            @GetMapping("/forgotten")
            String forgotten() {
                return "oops";
            }
        }
    }
}
