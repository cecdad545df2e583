package dev.marquee.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import dev.marquee.launcher.DurationConverter;
import dev.marquee.launcher.DemoCatalog;
import dev.marquee.launcher.Pipeline;
import dev.marquee.launcher.SharedCores;
import dev.marquee.stack.EmbeddedStack;
import dev.marquee.stack.StackPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marquee bench flash-sale}: a crowd of fans against one screening, then the invariants checked. */
@Command(name = "flash-sale", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A flash sale: a crowd of fans against one screening.",
                "Posts --attempts orders of 1 to --max-seats neighbouring seats in a random row",
                "over --clients HTTP connections, as fast as answered or at --rate. Reports the",
                "edge rate and latency, the time to sell-out and the decision latency (from each",
                "attempt's intended send time to the consumption of its SeatsHeld/SeatsRejected),",
                "and checks that no seat was sold twice and every accepted order got exactly one",
                "decision. Exit code 0 if every invariant held, else 1."})
final class FlashSaleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--attempts", description = "Orders to post. Default: ${DEFAULT-VALUE}")
    int attempts = 50_000;

    @Option(names = "--screening", description = "Screening on sale (3: the 300-seat premiere hall). Default: ${DEFAULT-VALUE}")
    long screening = 3;

    @Option(names = "--clients", description = {"Concurrent HTTP connections (like a load balancer's pool to order-api).",
            "16 already keep the edge saturated on a small machine; more only take the cores the system under test",
            "needs, since the load generator shares them. Default: ${DEFAULT-VALUE}"})
    int clients = 16;

    @Option(names = "--rate", description = "Target attempts per second; 0 sends as fast as the edge answers. Default: ${DEFAULT-VALUE}")
    double rate = 0;

    @Option(names = "--max-seats", description = "Seats per attempt: 1 to this many, neighbours in one row. Default: ${DEFAULT-VALUE}")
    int maxSeats = 4;

    @Option(names = "--any", description = {"Each attempt asks for \"any N seats\" (best available, N from 1 to --max-seats)",
            "instead of naming neighbouring seats: general admission, the way most crowds buy."})
    boolean any;

    @Option(names = "--timeout", converter = DurationConverter.class,
            description = "Hard bound on sending plus waiting for decisions (stack start-up not included). Default: 120s")
    Duration timeout = Duration.ofSeconds(120);

    @Option(names = "--seed", description = "Seed of the random seat choice. Default: ${DEFAULT-VALUE}")
    long seed = 42;

    @Option(names = "--warmup", description = {"Attempts sent first to another screening (most are refused once it",
            "sells out), waiting until the accepted ones are decided (at most 60 s, not counted in --timeout), so",
            "that the sale meets a warm system, as a real on-sale does. 0 for none. Default: ${DEFAULT-VALUE}"})
    int warmup = 5000;

    @Option(names = "--partitions", description = "Partitions of each event topic. Default: ${DEFAULT-VALUE}")
    int partitions = 6;

    @Option(names = "--data-dir", description = {"The bench stack's data directory: wiped at start, owned by this bench while it runs;",
            "refused while another Marquee uses it, or when it holds files Marquee did not write. Default: ${DEFAULT-VALUE}"})
    Path dataDir = Path.of(".marquee", "bench");

    @Override
    public Integer call() throws Exception {
        FlashSalePlan plan = plan();
        FlashSaleReport report;
        EmbeddedStack stack = EmbeddedStack.start(dataDir, StackPorts.ephemeral(), partitions);
        AtomicReference<Pipeline> pipelineRef = new AtomicReference<>();
        AtomicReference<FlashSale> saleRef = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> stopOnInterrupt(saleRef.get(), pipelineRef.get(), stack), "bench-stop"));
        try (stack; Pipeline pipeline = Pipeline.start(stack.properties(), Map.of(),
                overrides())) {
            pipelineRef.set(pipeline);
            DemoCatalog.seed(stack, pipeline.port("order-api"));
            FlashSale sale = new FlashSale(plan, stack, pipeline, System.out);
            saleRef.set(sale);
            report = sale.run();
        }
        report.print(System.out);
        return report.invariants().ok() ? 0 : 1;
    }

    /**
     * On Ctrl-C: ends the load, then stops the services and the stack (MariaDB and Redis are processes of their own).
     * A no-op after a finished run.
     */
    private static void stopOnInterrupt(FlashSale sale, Pipeline pipeline, EmbeddedStack stack) {
        if (sale != null) {
            sale.stop();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        stack.close();
    }

    private FlashSalePlan plan() {
        require(attempts > 0, "--attempts must be positive");
        require(clients > 0 && clients <= 1024, "--clients must be 1 to 1024");
        require(rate >= 0, "--rate must be 0 (as fast as possible) or positive");
        require(maxSeats > 0, "--max-seats must be positive");
        require(!timeout.isNegative() && !timeout.isZero(), "--timeout must be positive");
        require(warmup >= 0, "--warmup must be 0 (none) or positive");
        return new FlashSalePlan(attempts, screening, clients, rate, maxSeats, timeout, seed, warmup, any);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private Map<String, String> overrides() {
        Map<String, String> overrides = new HashMap<>(SharedCores.properties());
        overrides.put("marquee.topics.partitions", Integer.toString(partitions));
        return overrides;
    }
}
