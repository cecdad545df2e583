package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
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

    private static final Pattern PAY_BEFORE = Pattern.compile("\"payBefore\":\"([^\"]+)\"");

    private final PaymentsPlan plan;
    private final EmbeddedStack stack;
    private final GatewaySimulator gateway;
    private final PrintStream out;
    private final String api;

    PaymentRun(PaymentsPlan plan, EmbeddedStack stack, Pipeline pipeline, GatewaySimulator gateway, PrintStream out) {
        this.plan = plan;
        this.stack = stack;
        this.gateway = gateway;
        this.out = out;
        this.api = "http://127.0.0.1:" + pipeline.port("order-api");
    }

    PaymentsReport run() throws Exception {
        BenchClients clients = new BenchClients(stack, api, plan.clients(), plan.rate(), out);
        List<String> orders = clients.holds(plan.orders(), "bench-pay-", 900_000);
        Random random = new Random(plan.seed());
        Map<String, Instant> sendAt = new ConcurrentHashMap<>();
        Map<String, Boolean> late = new ConcurrentHashMap<>();
        out.printf("bench: %d orders held; paying them at %s (%.0f%% duplicated, %.0f%% 2 s after the hold lapsed)%n",
                orders.size(), plan.gateway(), plan.duplicates() * 100, plan.late() * 100);
        long start = System.nanoTime();
        Instant began = Instant.now();
        clients.inParallel(orders, order -> {
            boolean isLate = random.nextDouble() < plan.late();
            boolean twice = random.nextDouble() < plan.duplicates();
            String started = clients.post("/api/orders/" + order + "/payments", "{\"gateway\":\"" + plan.gateway() + "\"}");
            Matcher payBefore = PAY_BEFORE.matcher(started);
            Instant now = Instant.now();
            Duration delay = isLate && payBefore.find()
                    ? Duration.between(now, Instant.parse(payBefore.group(1))).plusSeconds(2) : Duration.ZERO;
            sendAt.put(order, now.plus(delay));
            late.put(order, isLate);
            // the simulator scales its delays like its resends
            Duration scaled = Duration.ofMillis((long) (delay.toMillis() / BenchPipeline.GATEWAY_TIME_SCALE));
            gateway.pay(new PayRequest(plan.gateway(), BenchClients.id(started), 2 * BenchClients.PRICE, "CNY",
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
}
