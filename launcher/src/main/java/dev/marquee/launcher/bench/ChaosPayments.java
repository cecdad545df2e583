package dev.marquee.launcher.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.marquee.gateway.simulator.Faults;
import dev.marquee.gateway.simulator.GatewaySimulator;
import dev.marquee.gateway.simulator.Outcome;
import dev.marquee.gateway.simulator.PayRequest;

/**
 * Customers who pay: once their order is HELD they start a payment at order-api and pay it at the gateway
 * simulator, which posts the signed callback (a share of them twice) to the instance that started it and resends
 * on any error. An order not held within a minute, or whose payment cannot be started, is left to expire.
 */
final class ChaosPayments implements AutoCloseable {

    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    private final EdgeBalancer edge;
    private final GatewaySimulator gateway;
    private final double duplicates;
    private final Random random;
    private final ExecutorService payers = Executors.newFixedThreadPool(3, r -> Thread.ofPlatform().daemon().unstarted(r));
    private final AtomicLong paid = new AtomicLong();
    private final AtomicLong unpaid = new AtomicLong();

    ChaosPayments(EdgeBalancer edge, GatewaySimulator gateway, double duplicates, long seed) {
        this.edge = edge;
        this.gateway = gateway;
        this.duplicates = duplicates;
        this.random = new Random(seed);
    }

    /** Pays the order once held, as its customer (whose token this is). */
    void pay(String orderId, String token) {
        boolean twice;
        synchronized (random) {
            twice = random.nextDouble() < duplicates;
        }
        payers.execute(() -> {
            try {
                if (payWhenHeld(orderId, token, twice)) {
                    paid.incrementAndGet();
                } else {
                    unpaid.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private boolean payWhenHeld(String orderId, String token, boolean twice) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                String status = status(edge.get("/api/orders/" + orderId, token).response().body());
                if (!status.equals("REQUESTED") && !status.equals("HELD")) {
                    return false;
                }
                if (status.equals("HELD")) {
                    EdgeBalancer.Answer started = edge.post("/api/orders/" + orderId + "/payments",
                            "{\"gateway\":\"alipay\"}", token);
                    if (started.response().statusCode() / 100 == 2) {
                        gateway.pay(new PayRequest("alipay", BenchClients.id(started.response().body()),
                                2 * BenchClients.PRICE, "CNY", URI.create(started.instance() + "/api/payments/alipay/notify"),
                                Outcome.SUCCESS, new Faults(twice ? 1 : 0, Duration.ZERO, false, false)));
                        return true;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // an instance or the database away for a moment: ask again
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static String status(String json) {
        Matcher m = STATUS.matcher(json);
        return m.find() ? m.group(1) : "REQUESTED";
    }

    long paid() {
        return paid.get();
    }

    long unpaid() {
        return unpaid.get();
    }

    @Override
    public void close() throws InterruptedException {
        payers.shutdown();
        if (!payers.awaitTermination(70, TimeUnit.SECONDS)) {
            payers.shutdownNow();
        }
    }
}
