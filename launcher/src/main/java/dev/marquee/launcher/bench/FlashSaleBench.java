package dev.marquee.launcher.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;

import dev.marquee.launcher.Pipeline;
import dev.marquee.stack.EmbeddedStack;

/**
 * {@code marquee bench flash-sale}'s sale, warm-up included, on a pipeline someone else started: what a test runs to
 * watch the real bench's load from outside (FlashSaleBrowserIT opens the hall's seat map in a browser meanwhile).
 * Only the stack and the pipeline differ from the command's; the plan, the customers, the load and the invariants
 * are the bench's own.
 */
public final class FlashSaleBench {

    private FlashSaleBench() {
    }

    /**
     * What to sell, as the command's options say it (the rate is theirs too: as fast as answered).
     *
     * @param screeningId       the screening on sale (its claims must be only the sale's: a fresh one)
     * @param warmUpScreeningId the screening the warm-up sells first, one nobody else sells; 0 lets the bench pick
     */
    public record Sale(long screeningId, long warmUpScreeningId, int attempts, int warmup, int clients, int maxSeats,
                       Duration timeout, long seed) {
    }

    /**
     * How the sale went.
     *
     * @param invariantsHeld every invariant of the bench held (nothing oversold, each accepted order decided once,
     *                       held + free = capacity, no attempt errored, not timed out): the command's exit code 0
     * @param summary        the figures as the command prints them, its JSON line last
     */
    public record Outcome(boolean invariantsHeld, long accepted, long seatsHeld, String summary) {
    }

    /** Runs the sale (warm-up first), printing its progress on {@code out}, and returns its figures. */
    public static Outcome run(EmbeddedStack stack, Pipeline pipeline, Sale sale, PrintStream out)
            throws SQLException, InterruptedException {
        FlashSalePlan plan = new FlashSalePlan(sale.attempts(), sale.screeningId(), sale.clients(), 0,
                sale.maxSeats(), sale.timeout(), sale.seed(), sale.warmup(), false, sale.warmUpScreeningId());
        FlashSaleReport report = new FlashSale(plan, stack, pipeline, out).run();
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        report.print(new PrintStream(summary, true, StandardCharsets.UTF_8));
        return new Outcome(report.invariants().ok(), report.edge().accepted(), report.invariants().seatsHeld(),
                summary.toString(StandardCharsets.UTF_8).strip());
    }
}
