package dev.marquee.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;
import dev.marquee.stack.DevSecrets;
import dev.marquee.stack.EmbeddedStack;
import dev.marquee.support.security.AccessTokens;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Permissions;
import dev.marquee.support.security.Role;

/**
 * A caller of the running pipeline, signed in the fast way: its access token is minted with the shared stack's own
 * signing key ({@link EmbeddedStack#secrets()}), exactly as order-api issues them, without a sign-in round trip.
 * People are numbered like accounts (the token's subject is a decimal id); {@link #anonymous()} sends no token.
 * Orders a customer places through {@link #post} are remembered as theirs ({@link #ownerOf}), so the tests' calls on
 * an order are made by the customer who placed it.
 */
record SignedIn(Caller caller, String token) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicLong ACCOUNTS = new AtomicLong(1_000_000L * (1 + ThreadLocalRandom.current().nextInt(1000)));
    private static final Map<String, SignedIn> OWNERS = new ConcurrentHashMap<>();
    private static final SignedIn ANONYMOUS = new SignedIn(null, null);
    private static volatile AccessTokens tokens;
    private static volatile SignedIn operator;

    /** A new customer, with an account number nobody else in this JVM has. */
    static SignedIn customer() {
        return as(new Caller(Long.toString(ACCOUNTS.incrementAndGet()), Role.CUSTOMER, Role.CUSTOMER.defaults(), null,
                "s-" + ACCOUNTS.get()));
    }

    /** Another sign-in (another session, another token) of the same customer. */
    SignedIn again() {
        return as(new Caller(caller.subject(), caller.role(), caller.permissions(), caller.merchantId(),
                "s-" + ACCOUNTS.incrementAndGet()));
    }

    /** A merchant's staff member. */
    static SignedIn staff(long merchantId) {
        return as(new Caller(Long.toString(ACCOUNTS.incrementAndGet()), Role.STAFF, Role.STAFF.defaults(), merchantId,
                "s-" + ACCOUNTS.get()));
    }

    /** A platform administrator: what operators use for trades, refunds, rebuilds and metrics. */
    static SignedIn operator() {
        if (operator == null) {
            operator = admin();
        }
        return operator;
    }

    static SignedIn admin() {
        return as(new Caller(Long.toString(ACCOUNTS.incrementAndGet()), Role.ADMIN, Role.ADMIN.defaults(), null,
                "s-" + ACCOUNTS.get()));
    }

    /** A partner app with this grant (none: an app nobody granted anything yet). */
    static SignedIn app(String key, Permissions grant, Long merchantId) {
        return as(new Caller("app:" + key, Role.APP, grant, merchantId, null));
    }

    static SignedIn anonymous() {
        return ANONYMOUS;
    }

    static SignedIn as(Caller caller) {
        return new SignedIn(caller, tokens().issue(caller).value());
    }

    /** The customer who placed this order through a {@link SignedIn}, if one did. */
    static Optional<SignedIn> ownerOf(String orderId) {
        return Optional.ofNullable(OWNERS.get(orderId));
    }

    String subject() {
        return caller.subject();
    }

    /** The request with this caller's bearer token (none when anonymous). */
    HttpRequest.Builder sign(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(sign(HttpRequest.newBuilder(url(path))).build());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, Map.of());
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = sign(HttpRequest.newBuilder(url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.build());
        if (token != null && (path.equals("/api/orders") || path.startsWith("/api/orders?"))
                && response.statusCode() == 202) {
            OWNERS.putIfAbsent(JsonPath.parse(response.body()).read("$.id"), this);
        }
        return response;
    }

    HttpResponse<String> put(String path, String body) throws Exception {
        return send(sign(HttpRequest.newBuilder(url(path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> patch(String path, String body) throws Exception {
        return send(sign(HttpRequest.newBuilder(url(path))).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(sign(HttpRequest.newBuilder(url(path))).DELETE().build());
    }

    /** A GET with these headers (If-None-Match, ...). */
    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = sign(HttpRequest.newBuilder(url(path)));
        headers.forEach(request::header);
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create(path.startsWith("http") ? path : SharedPipeline.baseUrl() + path);
    }

    private static AccessTokens tokens() {
        if (tokens == null) {
            DevSecrets secrets = EmbeddedStack.shared().secrets();
            tokens = AccessTokens.signingWith(secrets.keyId(), secrets.publicKey(), secrets.privateKey(),
                    Duration.ofHours(3));
        }
        return tokens;
    }

    @Override
    public String toString() {
        return caller == null ? "anonymous" : caller.role() + " " + caller.subject();
    }
}
