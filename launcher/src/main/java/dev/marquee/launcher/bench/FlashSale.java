package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.marquee.launcher.Pipeline;
import dev.marquee.launcher.bench.EdgeLog.Accepted;
import dev.marquee.stack.EmbeddedStack;
import org.HdrHistogram.Histogram;

/**
 * One flash sale against a running pipeline: a crowd of fans posts orders for overlapping seats of one screening,
 * a tap on {@code seat-events} notes every decision, and afterwards the database is asked what was sold. Everything
 * (sending and waiting for decisions) ends by the plan's timeout.
 */
final class FlashSale {

    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final FlashSalePlan plan;
    private final EmbeddedStack stack;
    private final Pipeline pipeline;
    private final URI orders;
    private final PrintStream out;
    private volatile boolean stopped;

    FlashSale(FlashSalePlan plan, EmbeddedStack stack, Pipeline pipeline, PrintStream out) {
        this.plan = plan;
        this.stack = stack;
        this.pipeline = pipeline;
        this.orders = URI.create("http://127.0.0.1:" + pipeline.port("order-api") + "/api/orders");
        this.out = out;
    }

    /** Sends nothing more and stops waiting (on Ctrl-C), so that the services can stop. */
    void stop() {
        stopped = true;
    }

    FlashSaleReport run() throws SQLException, InterruptedException {
        ScreeningLedger ledger = new ScreeningLedger(stack, plan.screeningId());
        HallRows hall = ledger.hall();
        List<String> bodies = plan.any()
                ? AttemptPlan.anySeats(plan.screeningId(), plan.attempts(), plan.maxSeats(), plan.seed())
                : AttemptPlan.orders(hall, plan.screeningId(), plan.attempts(), plan.maxSeats(), plan.seed());
        List<String> tokens = new BenchCustomers(stack).tokens(AttemptPlan.FANS, bodies.size(), out);
        // the fans sign in before the warm-up, so that the sale follows it at once (signing in 10,000 customers took
        // minutes on a loaded machine: a pause between warm-up and sale)
        WarmUp.run(plan, stack, orders, out);
        out.printf("bench: flash sale of screening %d (%d seats): %d attempts, %d clients, rate %s, timeout %d s%n",
                plan.screeningId(), hall.capacity(), plan.attempts(), plan.clients(),
                plan.rate() > 0 ? plan.rate() + "/s" : "max", plan.timeout().toSeconds());
        EdgeLog edge = new EdgeLog(plan.attempts());
        DecisionTap tap = new DecisionTap(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl(), plan.screeningId(),
                hall.capacity());
        long start = System.nanoTime();
        boolean allDecided;
        try {
            allDecided = sell(bodies, tokens, edge, tap, start, hall.capacity());
        } finally {
            tap.close();
        }
        return report(hall, edge, tap, ledger, edge.sent() < plan.attempts() || !allDecided, start, tokens);
    }

    /** Sends the attempts, then waits for their decisions (and a moment for late repeats); false if time ran out. */
    private boolean sell(List<String> bodies, List<String> tokens, EdgeLog edge, DecisionTap tap, long start,
                         int capacity)
            throws InterruptedException {
        long deadline = start + plan.timeout().toNanos();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("bench-progress").daemon().factory());
        progress.scheduleAtFixedRate(() -> progress(start, edge, tap, capacity), 5, 5, TimeUnit.SECONDS);
        try {
            new LoadGenerator(orders, bodies, tokens, plan.clients(), plan.rate(), deadline, () -> stopped, edge).run();
            out.printf("bench: %d attempts sent in %.1f s; waiting for the last decisions%n", edge.sent(), seconds(start));
            List<String> accepted = edge.acceptedAttempts().stream().map(Accepted::orderId).toList();
            if (!tap.awaitDecisions(accepted, deadline, () -> stopped).isEmpty()) {
                return false;
            }
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Math.min(SETTLE_NANOS, Math.max(0, deadline - System.nanoTime()))));
            return true;
        } finally {
            progress.shutdownNow();
        }
    }

    private FlashSaleReport report(HallRows hall, EdgeLog edge, DecisionTap tap, ScreeningLedger ledger,
                                   boolean timedOut, long start, List<String> tokens) throws SQLException {
        List<Accepted> accepted = edge.acceptedAttempts();
        DecisionMatch match = DecisionMatch.of(accepted, tap.byOrder(), tap.soldOutNanos(), edge.refusals());
        Stages stages = Stages.of(accepted, tap.byOrder(), tap.requestedAtMillis());
        long claims = ledger.claims();
        Invariants invariants = new Invariants(tap.seatsHeldTwice() + Math.max(0, claims - hall.capacity()),
                match.missing(), match.duplicates(), match.conflicting(), claims, tap.seatsHeld(), ledger.freeSeats(),
                hall.capacity(), edge.errorsTotal(), timedOut);
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // after the sale's clock stopped: what verifying these customers' tokens costs order-api per request
        return new FlashSaleReport(plan, hall.capacity(), edge, match, stages, Milestones.of(edge, tap, match),
                tap.decisions(), invariants, timedOut, durationMs, AuthCost.measure(pipeline, tokens));
    }

    private void progress(long start, EdgeLog edge, DecisionTap tap, int capacity) {
        Histogram interval = edge.latencySinceLastCall();
        out.printf("bench: %6.1f s | sent %d | accepted %d (%.0f/s) | refused %d | errors %d | decisions %d"
                        + " | seats held %d/%d | edge p99 %.1f ms (last 5 s)%n",
                seconds(start), edge.sent(), edge.accepted(), edge.accepted() / seconds(start), edge.refusedTotal(),
                edge.errorsTotal(), tap.decisions(), tap.seatsHeld(), capacity,
                interval.getValueAtPercentile(99) / 1000.0);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
