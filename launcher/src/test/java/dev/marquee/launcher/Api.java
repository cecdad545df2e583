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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.core.ConditionTimeoutException;
import dev.marquee.allocator.SeatAllocation;
import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the integration tests do to the running pipeline: HTTP calls and database reads. */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    /**
     * A GET on order-api as the caller {@link #callerFor} picks: an order's own customer for its order, an operator
     * for the actuator, nobody (no token) for the catalog and seat maps.
     */
    static HttpResponse<String> get(String path) throws Exception {
        return callerFor(path).get(path);
    }

    /** A POST on order-api as {@link #callerFor} picks; placing an order, a new customer of its own places it. */
    static HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, Map.of());
    }

    static HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        return callerFor(path).post(path, body, headers);
    }

    /**
     * Who makes a call the test did not give a caller for, as a client would: the customer who placed an order (by
     * {@link SignedIn}) acts on it; placing one, a new customer signs in; the actuator is an operator's; any other
     * order path (an unknown order) a customer's; the rest (browsing, gateway callbacks) nobody's.
     */
    static SignedIn callerFor(String path) {
        if (path.startsWith("/actuator")) {
            return SignedIn.operator();
        }
        if (path.startsWith("/api/orders")) {
            String rest = path.substring("/api/orders".length());
            if (rest.isEmpty() || rest.startsWith("?")) {
                return SignedIn.customer();
            }
            String id = rest.substring(1).split("[/?]", 2)[0];
            return SignedIn.ownerOf(id).orElseGet(SignedIn::customer);
        }
        return SignedIn.anonymous();
    }

    /** This request, as an operator (a platform admin) sends it: for admin endpoints and metrics. */
    static HttpRequest.Builder asOperator(HttpRequest.Builder request) {
        return SignedIn.operator().sign(request);
    }

    static DocumentContext json(HttpResponse<String> response) {
        return JsonPath.parse(response.body());
    }

    /** Polls the order until it reaches {@code status}. */
    static DocumentContext awaitStatus(String orderId, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> json(SignedIn.operator().get("/api/orders/" + orderId)),
                        doc -> status.equals(doc.read("$.status")));
    }

    /**
     * Polls the order until it leaves REQUESTED. When it does not, the failure says how far the order got: its
     * outbox row, the allocator's decision, and the order as order-api shows it.
     */
    static DocumentContext awaitDecision(String orderId) {
        try {
            return await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> json(SignedIn.operator().get("/api/orders/" + orderId)),
                            doc -> !"REQUESTED".equals(doc.read("$.status")));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(whereIs(orderId), e);
        }
    }

    private static String whereIs(String orderId) {
        try {
            return "order " + orderId + " was not decided: outbox rows " + query("SELECT type, created_at FROM outbox"
                    + " WHERE aggregateid IN (SELECT CAST(hall_id AS CHAR) FROM customer_order WHERE id = '" + orderId
                    + "') AND created_at >= (SELECT created_at FROM customer_order WHERE id = '" + orderId
                    + "') LIMIT 3") + "; allocation " + query("SELECT outcome, decided_at FROM allocation WHERE order_id = '"
                    + orderId + "'") + "; order " + SignedIn.operator().get("/api/orders/" + orderId).body();
        } catch (Exception e) {
            return "order " + orderId + " was not decided (and could not be traced: " + e + ")";
        }
    }

    /**
     * A new screening of movie 1 in the hall, in five days, priced like the demo ones, so that each test sells seats
     * nobody else touches. Hall 1: 104 seats with wheelchair, companion and love seats; hall 2: 300 standard seats.
     */
    static long newScreening(long hallId) throws SQLException {
        return newScreening(hallId, 1);
    }

    /** As {@link #newScreening(long)}, of another of the demo's movies (1 to 3, all licensed to cinema 1). */
    static long newScreening(long hallId, long movieId) throws SQLException {
        // five days ahead: clear of the demo catalog's screenings (today+1, today+2 in deploy/catalog), which a test
        // re-imports and which would otherwise overlap these (written here behind the overlap check) at some hours
        return newScreening(hallId, movieId, "NOW() + INTERVAL 5 DAY");
    }

    /** As {@link #newScreening(long)}, starting at {@code startsAt} (soon, for tests of what happens at showtime). */
    static long newScreeningStartingAt(long hallId, Instant startsAt) throws SQLException {
        return newScreening(hallId, 1, "'" + Timestamp.from(startsAt) + "'");
    }

    /** The database numbers it (AUTO_INCREMENT), like the screenings staff schedule through the API. */
    private static long newScreening(long hallId, long movieId, String startsAt) throws SQLException {
        EmbeddedStack stack = EmbeddedStack.shared();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO screening (movie_id, hall_id, starts_at, ends_at, currency) VALUES ("
                    + movieId + ", " + hallId + ", " + startsAt + ", " + startsAt + " + INTERVAL 2 HOUR, 'CNY')",
                    Statement.RETURN_GENERATED_KEYS);
            long id;
            try (ResultSet key = s.getGeneratedKeys()) {
                key.next();
                id = key.getLong(1);
            }
            s.execute("INSERT INTO screening_price (screening_id, seat_type, amount_minor) VALUES (" + id
                    + ", 'STANDARD', 6000), (" + id + ", 'WHEELCHAIR', 4500), (" + id + ", 'COMPANION', 4500), ("
                    + id + ", 'LOVE_SEAT', 8000)");
            return id;
        }
    }

    /** An update statement, for tests that move time (a hold's deadline) or state the API cannot. */
    static int execute(String sql) throws SQLException {
        EmbeddedStack stack = EmbeddedStack.shared();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword()); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    /** An order of these seats by a customer of its own, once the allocator held them. */
    static String heldOrder(long screening, String... seats) throws Exception {
        return heldOrder(SignedIn.customer(), screening, seats);
    }

    /** An order of these seats by this customer, once the allocator held them. */
    static String heldOrder(SignedIn customer, long screening, String... seats) throws Exception {
        String body = "{\"screeningId\":" + screening + ",\"seats\":[\"" + String.join("\",\"", seats) + "\"]}";
        HttpResponse<String> placed = customer.post("/api/orders", body);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        String id = json(placed).read("$.id");
        awaitStatus(id, "HELD");
        return id;
    }

    /**
     * Time passes for one order: its hold's deadline becomes {@code deadline} (the pipeline holds for 15 minutes) in
     * the ledger, where the expiry worker, the allocator and payment-listener look (with the end of a payment's
     * extension, which follows the deadline), and the allocator forgets its memory of the hall, which still has the
     * old deadline.
     */
    static Instant moveHoldDeadline(String order, Instant deadline) throws SQLException {
        String at = "'" + Timestamp.from(deadline) + "'";
        // a payment in flight keeps the hold live for its extension past the deadline: that moves along with it
        // (payment_until is assigned first, from the old deadline)
        String extension = "payment_until = " + at + " + INTERVAL TIMESTAMPDIFF(MICROSECOND, hold_until, payment_until)"
                + " MICROSECOND, ";
        assertThat(execute("UPDATE seat_claim SET " + extension + "hold_until = " + at + " WHERE order_id = '" + order
                + "' AND hold_until IS NOT NULL")).as("held seats of order " + order).isPositive();
        execute("UPDATE allocation SET " + extension + "hold_until = " + at + " WHERE order_id = '" + order + "'");
        SharedPipeline.get().context("seat-allocator").getBean(SeatAllocation.class).forgetViews();
        return deadline;
    }

    /** The order's hold lapsed a second ago. */
    static void lapse(String order) throws SQLException {
        moveHoldDeadline(order, Instant.now().minusSeconds(1));
    }

    /** How many records a topic holds (the sum of its partitions' end offsets). */
    static long records(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", EmbeddedStack.shared().kafkaBootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static long count(String sql) throws SQLException {
        return Long.parseLong(query(sql).getFirst());
    }

    /** Rows of a query: one column as is, two as "a=b". */
    static List<String> query(String sql) throws SQLException {
        EmbeddedStack stack = EmbeddedStack.shared();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getMetaData().getColumnCount() == 1 ? rs.getString(1) : rs.getString(1) + "=" + rs.getString(2));
            }
            return rows;
        }
    }
}
