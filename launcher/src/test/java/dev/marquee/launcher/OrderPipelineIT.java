package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.marquee.stack.EmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One order through the whole pipeline, on the real embedded Kafka, MariaDB, Redis and schema registry:
 * HTTP → order + outbox row → Debezium → order-requests → seat-allocator (hall lock, fence, unique key) →
 * seat-events → order-api → HTTP.
 */
class OrderPipelineIT {

    static EmbeddedStack stack;
    static Pipeline pipeline;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.shared();
        pipeline = Pipeline.start(stack.properties(), Map.of(), Map.of());
        base = "http://127.0.0.1:" + pipeline.port("order-api");
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @Test
    void anOrderIsHeldAndASecondOrderForOneOfItsSeatsIsRejected() throws Exception {
        Instant before = Instant.now();
        HttpResponse<String> placed = post("/api/orders",
                "{\"customerId\":\"alice\",\"screeningId\":1,\"seats\":[\"C5\",\"C6\"]}");
        assertThat(placed.statusCode()).isEqualTo(202);
        String first = json(placed).read("$.id");
        assertThat(placed.headers().firstValue("Location")).contains("/api/orders/" + first);
        assertThat(json(placed).<String>read("$.status")).isEqualTo("REQUESTED");
        assertThat(json(placed).<Integer>read("$.amount.minor")).isEqualTo(12000);

        DocumentContext held = awaitStatus(first, "HELD");
        assertThat(held.<List<String>>read("$.seats")).containsExactly("C5", "C6");
        Instant deadline = Instant.parse(held.read("$.holdDeadline"));
        assertThat(deadline).isBetween(before.plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));

        String second = json(post("/api/orders",
                "{\"customerId\":\"bob\",\"screeningId\":1,\"seats\":[\"C6\",\"C7\"]}")).read("$.id");
        DocumentContext rejected = awaitStatus(second, "REJECTED");
        assertThat(rejected.<String>read("$.rejection.reason")).isEqualTo("SEATS_TAKEN");
        assertThat(rejected.<String>read("$.rejection.detail")).contains("C6").doesNotContain("C7");

        assertThat(query("SELECT seat_label, order_id FROM seat_claim WHERE screening_id = 1 ORDER BY seat_label"))
                .containsExactly("C5=" + first, "C6=" + first);
    }

    @Test
    void ordersForDifferentHallsAndScreeningsAreEachHeld() throws Exception {
        String hall1 = json(post("/api/orders",
                "{\"customerId\":\"carol\",\"screeningId\":2,\"seats\":[\"H1\",\"H2\"]}")).read("$.id");
        String hall2 = json(post("/api/orders",
                "{\"customerId\":\"dave\",\"screeningId\":3,\"seats\":[\"O20\"]}")).read("$.id");

        assertThat(awaitStatus(hall1, "HELD").<Integer>read("$.hallId")).isEqualTo(1);
        assertThat(awaitStatus(hall2, "HELD").<Integer>read("$.hallId")).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"customerId\":\"eve\",\"screeningId\":999,\"seats\":[\"A1\"]}                 | 422 | unknown-screening",
        "{\"customerId\":\"eve\",\"screeningId\":1,\"seats\":[\"Z99\",\"A3\"]}           | 422 | unknown-seat",
        "{\"customerId\":\"eve\",\"screeningId\":1,\"seats\":[\"A5\"]                    | 400 | malformed-request",
        "{\"customerId\":\"eve\",\"screeningId\":\"one\",\"seats\":[\"A5\"]}             | 400 | malformed-request",
        "{\"customerId\":\"eve\",\"screeningId\":1,\"seats\":[]}                         | 400 | invalid-request",
        "{\"screeningId\":1,\"seats\":[\"A5\"]}                                           | 400 | invalid-request",
        "{\"customerId\":\"eve\",\"screeningId\":1,\"seats\":[\"A3\",\"A3\"]}            | 422 | duplicate-seat",
        "{\"customerId\":\"eve\",\"screeningId\":1,\"seats\":[\"B1\",\"B2\",\"B3\",\"B4\",\"B5\",\"B6\",\"B7\"]} | 422 | too-many-seats"
    })
    void badInputGetsAProblemWithAStableCodeAndWritesNothing(String body, int status, String code) throws Exception {
        long orders = count("customer_order");
        long outbox = count("outbox");

        HttpResponse<String> response = post("/api/orders", body);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).<String>read("$.code")).isEqualTo(code);
        assertThat(json(response).<Integer>read("$.status")).isEqualTo(status);
        assertThat(count("customer_order")).isEqualTo(orders);
        assertThat(count("outbox")).isEqualTo(outbox);
    }

    @Test
    void anUnknownOrderIsAProblemToo() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/orders/nope")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).<String>read("$.code")).isEqualTo("order-not-found");
    }

    @Test
    void theCatalogListsTheDemoScreenings() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/screenings?movieId=2"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).<List<Integer>>read("$[*].id")).containsExactly(3, 4);
        assertThat(json(response).<List<Integer>>read("$[*].pricesMinor.STANDARD")).containsOnly(6000);
    }

    private static DocumentContext awaitStatus(String orderId, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> json(http.send(HttpRequest.newBuilder(URI.create(base + "/api/orders/" + orderId)).build(),
                        HttpResponse.BodyHandlers.ofString())), doc -> status.equals(doc.read("$.status")));
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static DocumentContext json(HttpResponse<String> response) {
        return JsonPath.parse(response.body());
    }

    private static long count(String table) throws SQLException {
        return Long.parseLong(query("SELECT COUNT(*) FROM " + table).getFirst());
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getMetaData().getColumnCount() == 1 ? rs.getString(1) : rs.getString(1) + "=" + rs.getString(2));
            }
            return rows;
        }
    }
}
