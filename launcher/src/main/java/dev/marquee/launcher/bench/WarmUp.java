package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.marquee.stack.EmbeddedStack;

/**
 * Sends orders to another screening (most are refused once it sells out) and waits until the allocator decided the
 * accepted ones, so that the sale meets a
 * pipeline whose relay streams the binlog and whose code paths ran once, not one still starting up. Bounded by
 * {@link #LIMIT_SECONDS}; it never touches the screening on sale.
 */
final class WarmUp {

    static final int LIMIT_SECONDS = 60;

    private WarmUp() {
    }

    static void run(FlashSalePlan plan, EmbeddedStack stack, URI orders, PrintStream out)
            throws SQLException, InterruptedException {
        Optional<Long> other = plan.warmUpScreeningId() > 0 ? Optional.of(plan.warmUpScreeningId())
                : new ScreeningLedger(stack, plan.screeningId()).anotherScreening();
        if (plan.warmup() == 0 || other.isEmpty()) {
            out.println("bench: no warm-up");
            return;
        }
        ScreeningLedger ledger = new ScreeningLedger(stack, other.get());
        List<String> bodies = AttemptPlan.orders("warm-up-", ledger.hall(), other.get(), plan.warmup(), 1, plan.seed());
        List<String> tokens = new BenchCustomers(stack).tokens("warm-up-", bodies.size(), out);
        // the limit starts once the customers are signed in: on a loaded machine signing them in alone took longer
        // than the limit, and the warm-up then sent nothing
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        EdgeLog log = new EdgeLog(bodies.size());
        new LoadGenerator(orders, bodies, tokens, plan.clients(), 0, deadline, () -> false, log).run();
        while (ledger.decided() < log.accepted() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        out.printf("bench: warm-up: %d orders on screening %d, %d sent, %d accepted, %d decided in %.1f s%n",
                plan.warmup(), other.get(), log.sent(), log.accepted(), ledger.decided(),
                (System.nanoTime() - start) / 1e9);
    }
}
