package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.gateway.simulator.GatewaySimulator;
import dev.marquee.launcher.Pipeline;
import dev.marquee.stack.EmbeddedStack;

/**
 * {@code bench steady} from start to verdict: imports the generated catalog, waits until the allocator knows every
 * screening, signs the customers in, sweeps ({@link SteadyRun}), lets every order end (paid, expired or rejected),
 * then asks the database and the gateway's books whether the invariants held.
 */
final class SteadyBench {

    private static final List<String> SERVICES = List.of("order-api", "outbox-relay", "seat-allocator",
            "payment-listener", "expiry-worker", "box-office");

    private final SteadyPlan plan;
    private final EmbeddedStack stack;
    private final Pipeline pipeline;
    private final GatewaySimulator gateway;
    private final PrintStream out;

    SteadyBench(SteadyPlan plan, EmbeddedStack stack, Pipeline pipeline, GatewaySimulator gateway, PrintStream out) {
        this.plan = plan;
        this.stack = stack;
        this.pipeline = pipeline;
        this.gateway = gateway;
        this.out = out;
    }

    SteadyReport run() throws Exception {
        String api = "http://127.0.0.1:" + pipeline.port("order-api");
        String run = "s" + Long.toString(System.nanoTime() % 1_000_000, 36);
        ImportBenchCatalog generated = SteadyCatalog.generate(run, plan.screenings());
        ImportBenchCommand.Timed imported = ImportBenchCommand.post(api, new BenchCustomers(stack).operator(),
                generated.zip());
        SteadyCatalog catalog = SteadyCatalog.load(stack, run, plan.seed());
        out.printf("bench: imported %d halls (%d seats), %d screenings (%d seats on sale) in %.1f s%n",
                SteadyCatalog.HALLS, SteadyCatalog.seats(), catalog.size(), catalog.seatsOnSale(), imported.seconds());
        awaitAllocator(stack, run, Duration.ofSeconds(120));
        List<String> tokens = new BenchCustomers(stack).tokens(SteadyRun.CUSTOMERS, plan.customers(), out);
        Map<Integer, String> ports = new HashMap<>();
        for (String service : SERVICES) {
            try {
                ports.put(pipeline.port(service), service);
            } catch (RuntimeException e) {
                // a service without a web server (or not built) has no HTTP threads to name
            }
        }
        Instant began = Instant.now();
        SteadyRun sweep = new SteadyRun(plan, stack, pipeline, gateway, catalog, tokens,
                new ServiceCpu(ports), out);
        List<SteadyStep> steps = sweep.sweep(new AsyncProfiling(plan.profiler(), plan.profileOut()));
        PaymentLedger ledger = new PaymentLedger(stack, SteadyRun.CUSTOMERS);
        long deadline = System.nanoTime() + plan.hold().plusSeconds(90).toNanos();
        out.println("bench: letting every order end (the abandoned ones expire after the hold) ...");
        while (ledger.unended() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        gateway.awaitQuiet(Duration.ofSeconds(10));
        sweep.settle(steps, ledger.settledAt());
        PaymentsReport.Invariants money = ledger.invariants(gateway, began, api);
        SteadyReport.Invariants invariants = new SteadyReport.Invariants(ledger.seatsSoldTwice(), ledger.unended(),
                sweep.unanswered(), sweep.answeredTwice(), money.chargedTwice(), money.paidWithoutCharge(),
                money.soldMismatch(), money.soldShownFree());
        return new SteadyReport(plan, steps, ledger.statuses(), invariants);
    }

    /** The allocator learns the halls' layouts from catalog-events; an order before that would be rejected. */
    private void awaitAllocator(EmbeddedStack stack, String run, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long known = 0;
        while (System.nanoTime() < deadline) {
            known = count(stack, "SELECT COUNT(*) FROM allocator_hall a JOIN hall h ON h.id = a.hall_id JOIN cinema c"
                    + " ON c.id = h.cinema_id JOIN merchant m ON m.id = c.merchant_id WHERE m.code = 'bm-" + run + "'");
            if (known >= SteadyCatalog.HALLS) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the allocator knows only " + known + " of " + SteadyCatalog.HALLS + " halls");
    }

    private static long count(EmbeddedStack stack, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
