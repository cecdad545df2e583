package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.marquee.gateway.simulator.Faults;
import dev.marquee.gateway.simulator.GatewaySimulator;
import dev.marquee.gateway.simulator.Outcome;
import dev.marquee.gateway.simulator.PayRequest;
import dev.marquee.launcher.Pipeline;
import dev.marquee.stack.EmbeddedStack;
import org.HdrHistogram.Histogram;

/**
 * The steady bench's sweep. Orders arrive open-loop: order i of a step is due at the step's start + i/rate and is sent
 * on its own virtual thread then, whatever the earlier ones are waiting for, so a slow pipeline cannot slow the
 * arrivals (no coordinated omission). Each customer's order is answered on {@code seat-events} ({@link HoldTap});
 * a held order's customer starts a payment and the gateway simulator pays it (some abandon: the hold expires; some
 * callbacks come twice). A step that is clearly saturated ends the sweep.
 */
final class SteadyRun {

    static final String CUSTOMERS = "bench-steady-";
    private static final Pattern PAYMENT_ID = Pattern.compile("\"paymentId\":\"([^\"]+)\"");
    private static final Pattern MINOR = Pattern.compile("\"minor\":(\\d+)");
    private static final String GATEWAY = "alipay";

    /** An order as its customer knows it; the payment starts once it was both placed and answered. */
    private static final class Track {
        String token;
        SteadyStep step;
        long intendedNanos;
        HoldTap.Answer answer;
        volatile Instant callbackSent;

        synchronized boolean placed(String token, SteadyStep step, long intendedNanos) {
            this.token = token;
            this.step = step;
            this.intendedNanos = intendedNanos;
            return answer != null;
        }

        synchronized boolean answered(HoldTap.Answer answer) {
            this.answer = answer;
            return step != null;
        }
    }

    private final SteadyPlan plan;
    private final EmbeddedStack stack;
    private final GatewaySimulator gateway;
    private final PrintStream out;
    private final String api;
    private final SteadyCatalog catalog;
    private final List<String> tokens;
    private final ServiceCpu cpu;
    private final DbCounters db;
    private final Map<String, Track> orders = new ConcurrentHashMap<>();
    private final AtomicInteger placing = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService customers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile SteadyStep current;
    private volatile long answeredTwice;

    SteadyRun(SteadyPlan plan, EmbeddedStack stack, Pipeline pipeline, GatewaySimulator gateway, SteadyCatalog catalog,
              List<String> tokens, ServiceCpu cpu, PrintStream out) {
        this.plan = plan;
        this.stack = stack;
        this.gateway = gateway;
        this.catalog = catalog;
        this.tokens = tokens;
        this.cpu = cpu;
        this.db = new DbCounters(stack);
        this.out = out;
        this.api = "http://127.0.0.1:" + pipeline.port("order-api");
    }

    /** Warm-up, then the steps until one saturates; the steps run (the warm-up not among them). */
    List<SteadyStep> sweep(AsyncProfiling profiling) throws Exception {
        List<SteadyStep> steps = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(plan.seed());
        try (HoldTap tap = new HoldTap(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl(), this::answered)) {
            if (!plan.warmup().isZero()) {
                SteadyStep warmup = new SteadyStep("warm-up", plan.rates().getFirst(), plan.warmup().toMillis() / 1e3);
                run(warmup, random);
                out.printf("bench: warm-up at %.0f/s: %d sent, %d held, %d errors (not reported)%n", warmup.offered,
                        warmup.sent.get(), warmup.held.get(), warmup.errors.get());
            }
            for (int i = 0; i < plan.rates().size(); i++) {
                SteadyStep step = new SteadyStep("step " + (i + 1), plan.rates().get(i), plan.step().toMillis() / 1e3);
                boolean profiled = plan.profileStep() == i + 1 && startProfiling(profiling);
                ServiceCpu.Snapshot before = cpu.snapshot();
                Map<String, Long> dbBefore = db.snapshot();
                long gc = gcMillis();
                long jit = jitMillis();
                run(step, random);
                ServiceCpu.Snapshot after = cpu.snapshot();
                step.cpu = ServiceCpu.between(before, after);
                step.otherThreads = ServiceCpu.unplaced(before, after, 8);
                step.dbPerOrder = DbCounters.perOrder(dbBefore, db.snapshot(), step.decidedDuringStep.get());
                step.gcMillis = gcMillis() - gc;
                step.jitMillis = jitMillis() - jit;
                if (profiled) {
                    out.println("bench: flame graph of " + step.name + " in " + profiling.stop());
                }
                steps.add(step);
                String saturated = saturation(step);
                out.printf("bench: %s at %.0f/s: %.1f/s answered, order→HELD p99 %.0f ms (so far), %d errors%s%n",
                        step.name, step.offered, step.achieved(), p99SoFar(step), step.errors.get(),
                        saturated == null ? "" : "; saturated (" + saturated + "), the sweep stops");
                if (saturated != null) {
                    break;
                }
            }
            awaitAnswers(Duration.ofSeconds(30), Duration.ofMinutes(5));
            answeredTwice = tap.repeated();
            return steps;
        } finally {
            customers.shutdown();
            customers.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private boolean startProfiling(AsyncProfiling profiling) {
        try {
            profiling.start();
            return true;
        } catch (Exception e) {
            out.println("bench: no flame graph, async-profiler did not start: " + e);
            return false;
        }
    }

    /** Paid latencies, from each payment's callback to the order's payment marked PAID (by the database's clock). */
    void settle(List<SteadyStep> steps, Map<String, Instant> paidAt) {
        paidAt.forEach((order, at) -> {
            Track track = orders.get(order);
            if (track != null && track.callbackSent != null && steps.contains(track.step)) {
                SteadyStep.record(track.step.toPaid, Duration.between(track.callbackSent, at).toNanos());
            }
        });
    }

    /** Orders the allocator answered more than once. */
    long answeredTwice() {
        return answeredTwice;
    }

    long unanswered() {
        return orders.values().stream().filter(t -> t.step != null && t.answer == null).count();
    }

    private void run(SteadyStep step, SplittableRandom random) {
        current = step;
        long start = System.nanoTime();
        long end = start + (long) (step.seconds * 1e9);
        for (long i = 0; ; i++) {
            long intended = start + (long) (i * 1e9 / step.offered);
            if (intended >= end) {
                break;
            }
            for (long now = System.nanoTime(); now < intended; now = System.nanoTime()) {
                LockSupport.parkNanos(intended - now);
            }
            String token = tokens.get((int) (i % tokens.size()));
            String body = SteadyCatalog.orderBody(catalog.pick(random), random);
            step.sent.incrementAndGet();
            placing.incrementAndGet();
            customers.execute(() -> place(step, token, body, intended));
        }
        LockSupport.parkNanos(Math.max(0, end - System.nanoTime()));
    }

    private void place(SteadyStep step, String token, String body, long intended) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/orders"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse("");
            if (response.statusCode() == 202 && !location.isEmpty()) {
                step.accepted.incrementAndGet();
                String orderId = location.substring(location.lastIndexOf('/') + 1);
                Track track = orders.computeIfAbsent(orderId, id -> new Track());
                if (track.placed(token, step, intended)) {
                    proceed(orderId, track);
                }
            } else if (response.statusCode() / 100 == 4) {
                step.refused.incrementAndGet();
            } else {
                step.error("order: HTTP " + response.statusCode());
            }
        } catch (Exception e) {
            step.error("order: " + e.getClass().getSimpleName());
        } finally {
            placing.decrementAndGet();
        }
    }

    private void answered(String orderId, HoldTap.Answer answer) {
        SteadyStep now = current;
        if (now != null) {
            now.decidedDuringStep.incrementAndGet();
        }
        Track track = orders.computeIfAbsent(orderId, id -> new Track());
        if (track.answered(answer)) {
            proceed(orderId, track);
        }
    }

    /** The order was placed and answered: note the latency and, if held, let the customer pay (or walk away). */
    private void proceed(String orderId, Track track) {
        SteadyStep step = track.step;
        if (!track.answer.held()) {
            step.rejected.incrementAndGet();
            return;
        }
        step.held.incrementAndGet();
        SteadyStep.record(step.toHeld, track.answer.readNanos() - track.intendedNanos);
        customers.execute(() -> pay(orderId, track));
    }

    private void pay(String orderId, Track track) {
        SteadyStep step = track.step;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() < plan.abandon()) {
            step.abandoned.incrementAndGet();
            return;
        }
        try {
            String started = startPayment(orderId, track.token);
            if (started == null) {
                step.error("payment start refused or timed out");
                return;
            }
            Matcher id = PAYMENT_ID.matcher(started);
            Matcher minor = MINOR.matcher(started);
            if (!id.find() || !minor.find()) {
                step.error("payment start: no paymentId or amount");
                return;
            }
            boolean twice = random.nextDouble() < plan.duplicates();
            step.paying.incrementAndGet();
            track.callbackSent = Instant.now();
            gateway.pay(new PayRequest(GATEWAY, id.group(1), Long.parseLong(minor.group(1)), "CNY",
                    URI.create(api + "/api/payments/" + GATEWAY + "/notify"), Outcome.SUCCESS,
                    new Faults(twice ? 1 : 0, Duration.ZERO, false, false)));
        } catch (Exception e) {
            step.error("payment: " + e.getClass().getSimpleName());
        }
    }

    /** Starts the payment; order-api may not have applied the hold yet (409): tries again for up to 10 s. */
    private String startPayment(String orderId, String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(api + "/api/orders/" + orderId + "/payments")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"gateway\":\"" + GATEWAY + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return response.body();
            }
            if (response.statusCode() != 409) {
                out.println("bench: payment of " + orderId + " answered " + response.statusCode() + ": "
                        + response.body());
                return null;
            }
            Thread.sleep(20);
        }
        return null;
    }

    /** Why the step counts as saturated (p99 order→HELD over 10× the target, or under half the offered rate). */
    private String saturation(SteadyStep step) {
        double p99 = p99SoFar(step);
        if (p99 > 10 * SteadyPlan.TARGET_P99.toMillis()) {
            return String.format("p99 %.0f ms > 10 × %d ms", p99, SteadyPlan.TARGET_P99.toMillis());
        }
        if (step.achieved() < step.offered / 2) {
            return String.format("%.1f/s answered < half of %.0f/s", step.achieved(), step.offered);
        }
        return null;
    }

    /** The step's p99 order→HELD, counting orders still unanswered as waiting until now. */
    private double p99SoFar(SteadyStep step) {
        Histogram all = step.toHeld.copy();
        long now = System.nanoTime();
        orders.values().stream().filter(t -> t.step == step && t.answer == null)
                .forEach(t -> SteadyStep.record(all, now - t.intendedNanos));
        return SteadyStep.millis(all, 99);
    }

    /**
     * Waits for the answers still owed: while they keep coming (one at least every {@code quiet}), up to {@code limit}.
     * A saturated step leaves a queue behind it that the allocator works off after the sweep; only answers that stop
     * coming count as missing.
     */
    private void awaitAnswers(Duration quiet, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (placing.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);          // orders still being placed (up to their 10 s timeout) may be accepted yet
        }
        long owed = unanswered();
        long lastProgress = System.nanoTime();
        while (owed > 0 && System.nanoTime() < deadline && System.nanoTime() - lastProgress < quiet.toNanos()) {
            Thread.sleep(100);
            long now = unanswered();
            if (now < owed) {
                owed = now;
                lastProgress = System.nanoTime();
            }
        }
        if (owed > 0) {
            out.printf("bench: %d accepted orders still unanswered after %d s without an answer%n", owed,
                    quiet.toSeconds());
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static long jitMillis() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }
}
