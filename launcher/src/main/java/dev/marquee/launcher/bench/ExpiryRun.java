package dev.marquee.launcher.bench;

import java.io.PrintStream;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import dev.marquee.events.OrderExpired;
import dev.marquee.events.SeatsReleased;
import dev.marquee.gateway.simulator.Faults;
import dev.marquee.gateway.simulator.GatewaySimulator;
import dev.marquee.gateway.simulator.Outcome;
import dev.marquee.gateway.simulator.PayRequest;
import dev.marquee.launcher.Pipeline;
import dev.marquee.schemas.Topics;
import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * One expiry run: holds are taken, most are paid at once, the rest are left to lapse; a tap on the event topics
 * notes every release, and afterwards the database and the seat map are asked what became of each order.
 */
final class ExpiryRun {

    private static final String PREFIX = "bench-exp-";

    private final ExpiryPlan plan;
    private final EmbeddedStack stack;
    private final GatewaySimulator gateway;
    private final PrintStream out;
    private final String api;
    private final Map<String, Instant> releasedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> orderExpiredEvents = new ConcurrentHashMap<>();
    private final Map<String, Long> expiryReleaseEvents = new ConcurrentHashMap<>();
    private volatile boolean tapping = true;

    ExpiryRun(ExpiryPlan plan, EmbeddedStack stack, Pipeline pipeline, GatewaySimulator gateway, PrintStream out) {
        this.plan = plan;
        this.stack = stack;
        this.gateway = gateway;
        this.out = out;
        this.api = "http://127.0.0.1:" + pipeline.port("order-api");
    }

    ExpiryReport run() throws Exception {
        Thread tap = Thread.ofPlatform().name("bench-expiry-tap").daemon().start(this::tap);
        BenchClients clients = new BenchClients(stack, api, plan.clients(), 0, out);
        Random random = new Random(plan.seed());
        Set<String> unpaid = ConcurrentHashMap.newKeySet();
        List<String> paying = Collections.synchronizedList(new ArrayList<>());
        out.printf("bench: %d customers take holds of %d s; %.0f%% of them never pay%n", plan.orders(),
                plan.hold().toSeconds(), plan.unpaid() * 100);
        URI notify = URI.create(api + "/api/payments/alipay/notify");
        List<String> bodies = clients.orderBodies(plan.orders(), PREFIX, 800_000);
        List<String> tokens = clients.tokens(PREFIX, bodies.size());
        List<Boolean> pays = bodies.stream().map(b -> random.nextDouble() >= plan.unpaid()).toList();
        List<String> indexes = IntStream.range(0, bodies.size()).mapToObj(Integer::toString).toList();
        clients.inParallel(indexes, i -> {
            String order = clients.place(tokens.get(Integer.parseInt(i)), bodies.get(Integer.parseInt(i)));
            if (!"HELD".equals(clients.awaitDecision(order, Duration.ofSeconds(30)))) {
                throw new IllegalStateException("order " + order + " was not held");
            }
            if (pays.get(Integer.parseInt(i))) {
                gateway.pay(new PayRequest("alipay", BenchClients.id(clients.post("/api/orders/" + order
                        + "/payments", "{}")), 2 * BenchClients.PRICE, "CNY", notify, Outcome.SUCCESS, Faults.none()));
                paying.add(order);
            } else {
                unpaid.add(order);
            }
        });
        out.printf("bench: %d held and paid, %d held and left to expire%n", paying.size(), unpaid.size());
        long deadline = System.nanoTime() + plan.timeout().toNanos();
        while (!releasedAt.keySet().containsAll(unpaid) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        tapping = false;
        tap.join(5000);
        return report(unpaid, paying);
    }

    private void tap() {
        try (KafkaConsumer<String, Object> events = TopicReader.fromBeginning(stack.kafkaBootstrapServers(),
                stack.schemaRegistryUrl(), Topics.SEAT_EVENTS, Topics.ORDER_EVENTS)) {
            while (tapping) {
                events.poll(Duration.ofMillis(100)).forEach(r -> {
                    // every record counts: a second expiry of an order re-published with the same derived event
                    // id is still a second expiry
                    if (r.value() instanceof SeatsReleased released && "EXPIRED".equals(released.getCause())) {
                        releasedAt.putIfAbsent(released.getOrderId(), Instant.ofEpochMilli(r.timestamp()));
                        expiryReleaseEvents.merge(released.getOrderId(), 1L, Long::sum);
                    } else if (r.value() instanceof OrderExpired expired) {
                        orderExpiredEvents.merge(expired.getOrderId(), 1L, Long::sum);
                    }
                });
            }
        }
    }

    private ExpiryReport report(Set<String> unpaid, List<String> paid) throws Exception {
        paid = List.copyOf(paid);
        Map<String, Instant> deadlines = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        Map<Long, List<String>> seatsOfUnpaid = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword()); Statement s = c.createStatement()) {
            query(s, "SELECT a.order_id, a.hold_until FROM allocation a JOIN customer_order o ON o.id = a.order_id"
                    + " WHERE o.customer_id LIKE '" + PREFIX + "%'", rs -> deadlines.put(rs.getString(1),
                    rs.getTimestamp(2).toInstant()));
            query(s, "SELECT id, status FROM customer_order WHERE customer_id LIKE '" + PREFIX + "%'",
                    rs -> status.put(rs.getString(1), rs.getString(2)));
            query(s, "SELECT o.id, o.screening_id, s.seat_label FROM customer_order o JOIN order_seat s"
                    + " ON s.order_id = o.id WHERE o.customer_id LIKE '" + PREFIX + "%'", rs -> {
                        if (unpaid.contains(rs.getString(1))) {
                            seatsOfUnpaid.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(rs.getString(3));
                        }
                    });
        }
        long notFree = 0;
        HttpClient http = HttpClient.newHttpClient();
        for (var screening : seatsOfUnpaid.entrySet()) {
            Set<String> free = SeatMapJson.labelsIn(http.send(HttpRequest.newBuilder(URI.create(api
                    + "/api/screenings/" + screening.getKey() + "/seats")).build(),
                    HttpResponse.BodyHandlers.ofString()).body(), "FREE");
            notFree += screening.getValue().stream().filter(seat -> !free.contains(seat)).count();
        }
        return new ExpiryReport(plan, unpaid, paid, deadlines, Map.copyOf(releasedAt),
                new ExpiryEvents(Map.copyOf(orderExpiredEvents), Map.copyOf(expiryReleaseEvents)), status, notFree);
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Statement s, String sql, Row row) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }
}
