package dev.marquee.launcher.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the planned orders over a fixed number of HTTP/1.1 connections, one client thread each. With a rate the
 * attempts follow a schedule (attempt i is due at start + i/rate) and a late send still counts from its due time,
 * so a slow server cannot hide its queueing (coordinated omission). Without a rate the load is a closed loop: each
 * client takes the next attempt when its previous answer arrived, and that moment is the intended send time.
 * Bounded by the number of attempts, by the deadline, and stopped early on request.
 */
final class LoadGenerator {

    private static final Duration MAX_REQUEST_TIME = Duration.ofSeconds(10);
    private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"");

    private final URI orders;
    private final List<String> bodies;
    private final List<String> tokens;
    private final int clients;
    private final double rate;
    private final long deadlineNanos;
    private final BooleanSupplier stopped;
    private final EdgeLog log;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http;

    /**
     * @param tokens  attempt i's customer's bearer token, signed in before the timed part
     * @param stopped says when to send no more (Ctrl-C), whatever is left
     */
    LoadGenerator(URI orders, List<String> bodies, List<String> tokens, int clients, double rate, long deadlineNanos,
                  BooleanSupplier stopped, EdgeLog log) {
        if (tokens.size() != bodies.size()) {
            throw new IllegalArgumentException("a token per attempt: " + tokens.size() + " for " + bodies.size());
        }
        this.orders = orders;
        this.bodies = bodies;
        this.tokens = tokens;
        this.clients = clients;
        this.rate = rate;
        this.deadlineNanos = deadlineNanos;
        this.stopped = stopped;
        this.log = log;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends every attempt (or as many as the deadline allows) and returns when all answers are in. */
    void run() throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().name("bench-client-" + c).daemon().start(() -> sendAll(start)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        http.close();
    }

    private void sendAll(long start) {
        for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
            long intended = rate > 0 ? start + (long) (i * 1e9 / rate) : System.nanoTime();
            if (intended >= deadlineNanos || stopped.getAsBoolean() || !waitUntil(intended)) {
                return;
            }
            send(i, intended);
        }
    }

    private boolean waitUntil(long dueNanos) {
        for (long now = System.nanoTime(); now < dueNanos; now = System.nanoTime()) {
            LockSupport.parkNanos(dueNanos - now);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }

    private void send(int attempt, long intended) {
        long now = System.nanoTime();
        Duration left = Duration.ofNanos(deadlineNanos - now);
        if (left.isNegative() || left.isZero()) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(orders)
                .timeout(left.compareTo(MAX_REQUEST_TIME) < 0 ? left : MAX_REQUEST_TIME)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.get(attempt))
                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(attempt)))
                .build();
        log.sending(attempt, intended, now);
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            answer(attempt, response, System.nanoTime());
        } catch (HttpTimeoutException e) {
            boolean cutOff = System.nanoTime() >= deadlineNanos - TimeUnit.MILLISECONDS.toNanos(50);
            log.failed(cutOff ? "cut off by --timeout" : "HttpTimeoutException");
        } catch (IOException e) {
            log.failed(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.failed("interrupted");
        }
    }

    private void answer(int attempt, HttpResponse<String> response, long now) {
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        if (status == 202 && !location.isEmpty()) {
            log.accepted(attempt, location.substring(location.lastIndexOf('/') + 1), now);
        } else if (status >= 400 && status < 500) {
            Matcher code = PROBLEM_CODE.matcher(response.body());
            log.refused(attempt, status + (code.find() ? " " + code.group(1) : ""), now);
        } else {
            log.failed("HTTP " + status);
        }
    }
}
