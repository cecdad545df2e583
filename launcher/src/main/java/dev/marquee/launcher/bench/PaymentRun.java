package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.marquee.gateway.simulator.Faults;
import dev.marquee.gateway.simulator.GatewaySimulator;
import dev.marquee.gateway.simulator.Outcome;
import dev.marquee.gateway.simulator.PayRequest;
import dev.marquee.launcher.Pipeline;
import dev.marquee.stack.EmbeddedStack;

/**
 * One payment run: holds are taken through order-api, then each is paid at the simulator, whose callbacks go to
 * order-api's notify endpoint, payment-listener, and back to the orders. The database and the simulator are then
 * asked whether anyone was charged twice or any seat is both sold and free.
 */
final class PaymentRun {

    private static final Pattern ID = Pattern.compile("\"(?:id|paymentId)\":\"([^\"]+)\"");
    private static final Pattern PAY_BEFORE = Pattern.compile("\"payBefore\":\"([^\"]+)\"");
    private static final long PRICE = 6000;

    private final PaymentsPlan plan;
    private final EmbeddedStack stack;
    private final GatewaySimulator gateway;
    private final PrintStream out;
    private final String api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PaymentRun(PaymentsPlan plan, EmbeddedStack stack, Pipeline pipeline, GatewaySimulator gateway, PrintStream out) {
        this.plan = plan;
        this.stack = stack;
        this.gateway = gateway;
        this.out = out;
        this.api = "http://127.0.0.1:" + pipeline.port("order-api");
    }

    PaymentsReport run() throws Exception {
        List<String> orders = holds();
        Random random = new Random(plan.seed());
        Map<String, Instant> sendAt = new ConcurrentHashMap<>();
        Map<String, Boolean> late = new ConcurrentHashMap<>();
        out.printf("bench: %d orders held; paying them at %s (%.0f%% duplicated, %.0f%% 2 s after the hold lapsed)%n",
                orders.size(), plan.gateway(), plan.duplicates() * 100, plan.late() * 100);
        long start = System.nanoTime();
        Instant began = Instant.now();
        inParallel(orders, order -> {
            boolean isLate = random.nextDouble() < plan.late();
            boolean twice = random.nextDouble() < plan.duplicates();
            String started = post("/api/orders/" + order + "/payments", "{\"gateway\":\"" + plan.gateway() + "\"}");
            Matcher payBefore = PAY_BEFORE.matcher(started);
            Instant now = Instant.now();
            Duration delay = isLate && payBefore.find()
                    ? Duration.between(now, Instant.parse(payBefore.group(1))).plusSeconds(2) : Duration.ZERO;
            sendAt.put(order, now.plus(delay));
            late.put(order, isLate);
            // the simulator scales its delays like its resends
            Duration scaled = Duration.ofMillis((long) (delay.toMillis() / PaymentsCommand.GATEWAY_TIME_SCALE));
            gateway.pay(new PayRequest(plan.gateway(), id(started), 2 * PRICE, "CNY",
                    URI.create(api + "/api/payments/" + plan.gateway() + "/notify"), Outcome.SUCCESS,
                    new Faults(twice ? 1 : 0, scaled, false, false)));
        });
        PaymentLedger ledger = new PaymentLedger(stack);
        long deadline = System.nanoTime() + plan.timeout().toNanos();
        while (ledger.unsettled() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        gateway.awaitQuiet(Duration.ofSeconds(10));
        return new PaymentsReport(plan, orders.size(), seconds, gateway.deliveries(), ledger.settledAt(), sendAt,
                late, ledger.invariants(gateway, began, api));
    }

    /** Orders of two neighbouring seats on fresh screenings of the 300-seat hall, all held. */
    private List<String> holds() throws Exception {
        int perScreening = 150;
        int screenings = (plan.orders() + perScreening - 1) / perScreening;
        List<String> bodies = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword()); Statement s = c.createStatement()) {
            for (int i = 0; i < screenings; i++) {
                long id = 900_000 + i;
                s.execute("INSERT INTO screening (id, movie_id, hall_id, starts_at, ends_at, currency) VALUES (" + id
                        + ", 1, 2, NOW() + INTERVAL 1 DAY, NOW() + INTERVAL 1 DAY + INTERVAL 2 HOUR, 'CNY')");
                s.execute("INSERT INTO screening_price (screening_id, seat_type, amount_minor) VALUES (" + id
                        + ", 'STANDARD', " + PRICE + ")");
                for (int pair = 0; pair < perScreening && bodies.size() < plan.orders(); pair++) {
                    char row = (char) ('A' + pair / 10);
                    int seat = pair % 10 * 2 + 1;
                    bodies.add("{\"customerId\":\"bench-pay-" + bodies.size() + "\",\"screeningId\":" + id
                            + ",\"seats\":[\"" + row + seat + "\",\"" + row + (seat + 1) + "\"]}");
                }
            }
        }
        List<String> orders = Collections.synchronizedList(new ArrayList<>());
        inParallel(bodies, body -> orders.add(id(post("/api/orders", body))));
        PaymentLedger ledger = new PaymentLedger(stack);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (ledger.held() < orders.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + ledger.held() + " of " + orders.size() + " orders were held");
            }
            Thread.sleep(200);
        }
        return orders;
    }

    private interface Work {
        void run(String item) throws Exception;
    }

    /** Runs the work over the items on the plan's clients, paced at its rate. */
    private void inParallel(List<String> items, Work work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(plan.clients());
        long start = System.nanoTime();
        for (int i = 0; i < items.size(); i++) {
            if (plan.rate() > 0) {
                long due = start + (long) (i * 1e9 / plan.rate());
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

    private String post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }
}
