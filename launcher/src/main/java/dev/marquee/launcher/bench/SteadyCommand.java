package dev.marquee.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.marquee.launcher.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marquee bench steady}: a day at scale, open-loop arrivals at rates swept upward, reserve and pay. */
@Command(name = "steady", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A steady-state sweep on its own embedded stack: a generated catalog of 200 halls of mixed",
                "sizes (60,000 seats) imported through the catalog import, --screenings screenings with Zipf",
                "popularity. Orders arrive open-loop at each --rates rate for --step after a --warmup at the first",
                "rate: each customer orders (named seats or best available), waits for HELD, starts a payment and",
                "the gateway simulator pays it (--abandon walk away and the hold expires, --duplicates of the",
                "callbacks come twice). Per step: the rate answered, order→HELD and callback→PAID latency",
                "(p50/p99/p99.9, from the intended send times), errors, CPU per service, GC and JIT time. The sweep",
                "stops at a saturated step (p99 over 10x 250 ms, or under half the offered rate answered). Then the",
                "highest rate whose p99 order→HELD stayed under 250 ms, the invariants (no seat sold twice, every",
                "order ends, every charge kept once), and the figures as one line of JSON.",
                "Exit code 0 when every invariant held, 1 if not."})
final class SteadyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rates", split = ",", description = "Orders per second of the steps. Default: 100,250,500,1000,2000")
    List<Double> rates = List.of(100.0, 250.0, 500.0, 1000.0, 2000.0);

    @Option(names = "--step", converter = DurationConverter.class, description = "Length of each step. Default: 60s")
    Duration step = Duration.ofSeconds(60);

    @Option(names = "--warmup", converter = DurationConverter.class,
            description = "Warm-up at the first rate, not reported. Default: 60s")
    Duration warmup = Duration.ofSeconds(60);

    @Option(names = "--screenings", description = "Screenings on the 200 halls. Default: ${DEFAULT-VALUE}")
    int screenings = 1000;

    @Option(names = "--customers", description = "Customers taking turns to order. Default: ${DEFAULT-VALUE}")
    int customers = 5000;

    @Option(names = "--abandon", description = "Share of held orders never paid (they expire). Default: ${DEFAULT-VALUE}")
    double abandon = 0.10;

    @Option(names = "--duplicates", description = "Share of callbacks delivered twice. Default: ${DEFAULT-VALUE}")
    double duplicates = 0.02;

    @Option(names = "--hold", converter = DurationConverter.class,
            description = "Hold duration (the abandoned orders expire after it). Default: 15s")
    Duration hold = Duration.ofSeconds(15);

    @Option(names = "--seed", description = "Seed of the popularity order and the orders. Default: ${DEFAULT-VALUE}")
    long seed = 42;

    @Option(names = "--profile", paramLabel = "STEP",
            description = "Write an async-profiler CPU flame graph of this step (1 = the first). Default: none")
    int profileStep = 0;

    @Option(names = "--profiler", paramLabel = "PATH", description = {"libasyncProfiler.so to use; by default the one in",
            "tools.profiler:async-profiler:" + AsyncProfiling.VERSION + ", fetched from Maven Central into ~/.m2"})
    Path profiler;

    @Option(names = "--profile-out", description = "Where the flame graph goes. Default: ${DEFAULT-VALUE}")
    Path profileOut = Path.of(".marquee", "steady-profile.html");

    @Option(names = "--data-dir", description = {"The bench stack's data directory: wiped at start, owned by this bench while it runs;",
            "refused while another Marquee uses it, or when it holds files Marquee did not write. Default: ${DEFAULT-VALUE}"})
    Path dataDir = Path.of(".marquee", "bench");

    @Override
    public Integer call() throws Exception {
        require(!rates.isEmpty() && rates.stream().allMatch(r -> r > 0 && r <= 100_000), "--rates must be 1 to 100000");
        require(step.toMillis() >= 1000, "--step must be at least 1s");
        require(!warmup.isNegative(), "--warmup must not be negative");
        require(screenings >= SteadyCatalog.HALLS && screenings <= 100_000, "--screenings must be 200 to 100000");
        require(customers > 0 && customers <= 100_000, "--customers must be 1 to 100000");
        require(abandon >= 0 && abandon <= 1 && duplicates >= 0 && duplicates <= 1, "--abandon and --duplicates are shares, 0 to 1");
        require(hold.toSeconds() >= 2, "--hold must be at least 2s");
        require(profileStep >= 0 && profileStep <= rates.size(), "--profile must name a step, 1 to " + rates.size());
        SteadyPlan plan = new SteadyPlan(rates, step, warmup, screenings, customers, abandon, duplicates, hold, seed,
                profileStep, profiler, profileOut);
        try (BenchPipeline bench = BenchPipeline.start(dataDir, Map.of("marquee.hold.duration", hold.toMillis() + "ms",
                "marquee.demo.accounts", "false"))) {
            SteadyReport report = new SteadyBench(plan, bench.stack(), bench.pipeline(), bench.gateway(), System.out).run();
            report.print(System.out);
            return report.ok() ? 0 : 1;
        }
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
