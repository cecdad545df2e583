package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** The steady bench's figures per step, the highest rate that met the target, the invariants, and the JSON line. */
record SteadyReport(SteadyPlan plan, List<SteadyStep> steps, Map<String, Long> statuses, Invariants invariants) {

    /**
     * @param seatsSoldTwice   seats that two paid orders hold
     * @param unended          orders still REQUESTED, HELD, PAYMENT_PENDING or REFUND_PENDING after the drain
     * @param unanswered       accepted orders the allocator never answered on seat-events
     * @param answeredTwice    orders answered more than once
     * @param chargedTwice     orders whose customer kept paying twice (an extra charge not refunded)
     * @param paidWithoutCharge PAID orders without a charge kept at the gateway
     * @param soldMismatch     seats sold to an unpaid order, or paid orders without their seats sold
     * @param soldShownFree    sold seats the public seat map shows free
     */
    record Invariants(long seatsSoldTwice, long unended, long unanswered, long answeredTwice, long chargedTwice,
                      long paidWithoutCharge, long soldMismatch, long soldShownFree) {
        boolean ok() {
            return seatsSoldTwice == 0 && unended == 0 && unanswered == 0 && answeredTwice == 0 && chargedTwice == 0
                    && paidWithoutCharge == 0 && soldMismatch == 0 && soldShownFree == 0;
        }
    }

    boolean ok() {
        return invariants.ok() && !steps.isEmpty();
    }

    /** The highest offered rate whose p99 order→HELD stayed under the target and that was not saturated; 0 if none. */
    double maxRateUnderTarget() {
        return steps.stream().filter(s -> s.toHeld.getTotalCount() > 0
                        && SteadyStep.millis(s.toHeld, 99) < SteadyPlan.TARGET_P99.toMillis()
                        && s.achieved() >= s.offered / 2)
                .mapToDouble(s -> s.offered).max().orElse(0);
    }

    void print(PrintStream out) {
        out.println();
        out.printf("%-8s %8s %9s %7s %7s %6s %7s | %-23s | %-23s | %6s %6s%n", "step", "offered", "answered", "held",
                "refused", "errors", "paid", "order→HELD p50/p99/p99.9", "callback→PAID p50/99/99.9", "GC ms", "JIT ms");
        for (SteadyStep s : steps) {
            out.printf("%-8s %6.0f/s %7.1f/s %7d %7d %6d %7d | %6.0f %7.0f %8.0f ms | %6.0f %7.0f %8.0f ms | %6d %6d%n",
                    s.name, s.offered, s.achieved(), s.held.get(), s.refused.get() + s.rejected.get(), s.errors.get(),
                    s.toPaid.getTotalCount(), SteadyStep.millis(s.toHeld, 50), SteadyStep.millis(s.toHeld, 99),
                    SteadyStep.millis(s.toHeld, 99.9), SteadyStep.millis(s.toPaid, 50), SteadyStep.millis(s.toPaid, 99),
                    SteadyStep.millis(s.toPaid, 99.9), s.gcMillis, s.jitMillis);
        }
        for (SteadyStep s : steps) {
            StringBuilder line = new StringBuilder("CPU " + s.name + " (100% = one core):");
            s.cpu.entrySet().stream().filter(e -> e.getValue() >= 0.5)
                    .forEach(e -> line.append(String.format(" %s %.0f%%,", e.getKey(), e.getValue())));
            out.println(line.substring(0, line.length() - 1));
            if (!s.otherThreads.isEmpty()) {
                StringBuilder other = new StringBuilder("  of which other:");
                s.otherThreads.forEach((k, v) -> other.append(String.format(" %s %.1f%%,", k, v)));
                out.println(other.substring(0, other.length() - 1));
            }
        }
        steps.stream().filter(s -> !s.dbPerOrder.isEmpty()).forEach(s -> out.println("MariaDB " + s.name
                + " per order decided: " + String.join(", ", DbCounters.printable(s.dbPerOrder))));
        steps.stream().filter(s -> s.errors.get() > 0)
                .forEach(s -> out.println("errors " + s.name + ": " + s.errorKinds));
        out.println("orders by status: " + statuses);
        out.printf("highest rate with p99 order→HELD < %d ms: %.0f orders/s%n", SteadyPlan.TARGET_P99.toMillis(),
                maxRateUnderTarget());
        out.println("invariants: " + invariants + (invariants.ok() ? " OK" : " VIOLATED"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", "steady");
        json.put("maxRateP99Under250ms", maxRateUnderTarget());
        json.put("stepSeconds", plan.step().toMillis() / 1000.0);
        json.put("warmupSeconds", plan.warmup().toMillis() / 1000.0);
        json.put("steps", steps.stream().map(SteadyStep::figures).toList());
        json.put("statuses", statuses);
        json.put("invariants", Map.of("seatsSoldTwice", invariants.seatsSoldTwice(), "unended", invariants.unended(),
                "unanswered", invariants.unanswered(), "answeredTwice", invariants.answeredTwice(),
                "chargedTwice", invariants.chargedTwice(), "paidWithoutCharge", invariants.paidWithoutCharge(),
                "soldMismatch", invariants.soldMismatch(), "soldShownFree", invariants.soldShownFree()));
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("ok", ok());
        out.println(JsonMapper.builderWithJackson2Defaults().build().writeValueAsString(json));
    }
}
