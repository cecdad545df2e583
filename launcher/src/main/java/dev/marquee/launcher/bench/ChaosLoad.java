package dev.marquee.launcher.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.marquee.launcher.bench.FaultFigures.Placed;

/**
 * The chaos bench's customers, an open loop: attempt i is due at start + i/rate whatever the edge does, so an
 * outage shows as latency, not as fewer attempts. Three in four are fans of the flash sale, the fourth takes two
 * seats it will pay for (handed to {@code payers} once accepted). Runs until stopped.
 */
final class ChaosLoad {

    private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"");

    private final EdgeBalancer edge;
    private final List<String> flash;
    private final List<String> flashTokens;
    private final long flashHall;
    private final List<String> paying;
    private final List<String> payingTokens;
    private final long payingHall;
    private final double rate;
    private final int clients;
    private final BiConsumer<String, String> payers;
    private final Queue<Placed> placed = new ConcurrentLinkedQueue<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final Map<String, Long> refusals = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    /**
     * @param flashTokens  the token of flash attempt i's customer (signed in before the load starts)
     * @param payingTokens the token of paying attempt i's customer
     * @param payers       takes an accepted paying order and its customer's token
     */
    ChaosLoad(EdgeBalancer edge, List<String> flash, List<String> flashTokens, long flashHall, List<String> paying,
              List<String> payingTokens, long payingHall, double rate, int clients, BiConsumer<String, String> payers) {
        this.edge = edge;
        this.flash = flash;
        this.flashTokens = flashTokens;
        this.flashHall = flashHall;
        this.paying = paying;
        this.payingTokens = payingTokens;
        this.payingHall = payingHall;
        this.rate = rate;
        this.clients = clients;
        this.payers = payers;
    }

    void start() {
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().name("chaos-client-" + c).daemon().start(() -> sendAll(start)));
        }
    }

    private void sendAll(long start) {
        for (int i = next.getAndIncrement(); !stopped; i = next.getAndIncrement()) {
            boolean pays = i % 4 == 3;
            int n = pays ? i / 4 : i - i / 4;
            if (pays ? n >= paying.size() : n >= flash.size()) {
                return;
            }
            long due = start + (long) (i * 1e9 / rate);
            for (long now = System.nanoTime(); now < due && !stopped; now = System.nanoTime()) {
                LockSupport.parkNanos(Math.min(due - now, 100_000_000L));
            }
            if (!stopped) {
                send(pays ? paying.get(n) : flash.get(n), pays ? payingTokens.get(n) : flashTokens.get(n), pays, due);
            }
        }
    }

    private void send(String body, String token, boolean pays, long due) {
        try {
            EdgeBalancer.Answer answer = edge.post("/api/orders", body, token);
            int status = answer.response().statusCode();
            String location = answer.response().headers().firstValue("Location").orElse("");
            if (status == 202 && !location.isEmpty()) {
                String orderId = location.substring(location.lastIndexOf('/') + 1);
                placed.add(new Placed(orderId, pays ? payingHall : flashHall, due));
                if (pays) {
                    payers.accept(orderId, token);
                }
            } else if (status >= 400 && status < 500) {
                refused.incrementAndGet();
                Matcher code = PROBLEM_CODE.matcher(answer.response().body());
                refusals.merge(status + (code.find() ? " " + code.group(1) : ""), 1L, Long::sum);
            } else {
                failed.incrementAndGet();
            }
        } catch (IOException e) {
            failed.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** The orders the edge accepted so far. */
    List<Placed> placed() {
        return List.copyOf(placed);
    }

    long refused() {
        return refused.get();
    }

    /** Refusals per HTTP status and problem code. */
    Map<String, Long> refusals() {
        return new TreeMap<>(refusals);
    }

    long failed() {
        return failed.get();
    }

    /** Attempts sent (or due) so far. */
    int attempts() {
        return next.get();
    }
}
