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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.marquee.stack.EmbeddedStack;

/** Customers of the payment and expiry benches: they take holds and call order-api from a few clients at a rate. */
final class BenchClients {

    static final long PRICE = 6000;

    private static final Pattern ID = Pattern.compile("\"(?:id|paymentId)\":\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    private final EmbeddedStack stack;
    private final String api;
    private final int clients;
    private final double rate;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchCustomers customers;
    /** Each order's customer's token: the calls on an order are its customer's. */
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    BenchClients(EmbeddedStack stack, String api, int clients, double rate, PrintStream out) {
        this.stack = stack;
        this.customers = new BenchCustomers(stack);
        this.api = api;
        this.clients = clients;
        this.rate = rate;
        this.out = out;
    }

    /**
     * {@code count} orders of two neighbouring seats on fresh screenings of the 300-seat hall, by customers named
     * {@code customerPrefix + n}, all held when this returns.
     */
    List<String> holds(int count, String customerPrefix, long firstScreeningId) throws Exception {
        List<String> bodies = orderBodies(count, customerPrefix, firstScreeningId);
        List<String> tokens = customers.tokens(customerPrefix, bodies.size(), out);
        List<String> orders = Collections.synchronizedList(new ArrayList<>());
        inParallel(IntStream.range(0, bodies.size()).mapToObj(Integer::toString).toList(), i -> orders.add(
                place(tokens.get(Integer.parseInt(i)), bodies.get(Integer.parseInt(i)))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long held;
        while ((held = held(customerPrefix)) < orders.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + held + " of " + orders.size() + " orders were held");
            }
            Thread.sleep(100);
        }
        return new ArrayList<>(orders);
    }

    /**
     * Bodies of {@code count} orders of two neighbouring seats on fresh screenings of the 300-seat hall; order i is
     * customer {@code customerPrefix + i}'s ({@link #tokens}).
     */
    List<String> orderBodies(int count, String customerPrefix, long firstScreeningId) throws SQLException {
        int perScreening = 150;
        List<String> bodies = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (long id = firstScreeningId; bodies.size() < count; id++) {
                s.execute("INSERT INTO screening (id, movie_id, hall_id, starts_at, ends_at, currency) VALUES (" + id
                        + ", 1, 2, NOW() + INTERVAL 1 DAY, NOW() + INTERVAL 1 DAY + INTERVAL 2 HOUR, 'CNY')");
                s.execute("INSERT INTO screening_price (screening_id, seat_type, amount_minor) VALUES (" + id
                        + ", 'STANDARD', " + PRICE + ")");
                for (int pair = 0; pair < perScreening && bodies.size() < count; pair++) {
                    char row = (char) ('A' + pair / 10);
                    int seat = pair % 10 * 2 + 1;
                    bodies.add("{\"screeningId\":" + id + ",\"seats\":[\"" + row + seat + "\",\"" + row + (seat + 1) + "\"]}");
                }
            }
        }
        return bodies;
    }

    /** Polls the order until it leaves REQUESTED; its status then, or REQUESTED if {@code timeout} passed. */
    String awaitDecision(String orderId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String body = http.send(HttpRequest.newBuilder(URI.create(api + "/api/orders/" + orderId))
                    .header("Authorization", "Bearer " + owner(orderId)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher status = STATUS.matcher(body);
            String now = status.find() ? status.group(1) : "REQUESTED";
            if (!"REQUESTED".equals(now) || System.nanoTime() > deadline) {
                return now;
            }
            Thread.sleep(20);
        }
    }

    interface Work {
        void run(String item) throws Exception;
    }

    /** Runs the work over the items on the clients, paced at the rate (0: as fast as they go). */
    void inParallel(List<String> items, Work work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int i = 0; i < items.size(); i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            }
            String item = items.get(i);
            pool.execute(() -> {
                try {
                    work.run(item);
                } catch (Exception e) {
                    out.println("bench: " + e.getMessage());
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
    }

    /** The tokens of customers {@code customerPrefix + 0 …}: signed in before the timed part. */
    List<String> tokens(String customerPrefix, int count) {
        return customers.tokens(customerPrefix, count, out);
    }

    /** Places the order as the customer whose token this is; its id (the calls on it are then that customer's). */
    String place(String token, String body) throws Exception {
        String order = id(send("/api/orders", body, token));
        owners.put(order, token);
        return order;
    }

    /** A call on an order ({@code /api/orders/{id}/…}) this bench placed, as the order's customer. */
    String post(String path, String body) throws Exception {
        return send(path, body, owner(path.replaceFirst("^/api/orders/([^/?]+).*$", "$1")));
    }

    private String owner(String orderId) {
        String token = owners.get(orderId);
        if (token == null) {
            throw new IllegalStateException("order " + orderId + " was not placed by this bench's customers");
        }
        return token;
    }

    private String send(String path, String body, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The order's or payment's id in an order-api answer. */
    static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    private long held(String customerPrefix) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM customer_order WHERE customer_id LIKE '" + customerPrefix + "%' AND status = 'HELD'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword());
    }
}
