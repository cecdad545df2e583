package dev.marquee.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.marquee.launcher.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marquee bench expiry}: holds left unpaid go back on sale; how late, how fast. */
@Command(name = "expiry", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"An expiry run: --orders orders of 2 seats are held for --hold; --unpaid of them are never",
                "paid, the rest are paid at once through the gateway simulator. Reports the expiry lag (hold",
                "deadline to the SeatsReleased event) p50/p99/max and the release throughput, and checks that",
                "every unpaid order expired exactly once (one OrderExpired, its seats free on the seat map), no",
                "paid order expired and no seat is both sold and free."})
final class ExpiryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--orders", description = "Held orders. Default: ${DEFAULT-VALUE}")
    int orders = 2000;

    @Option(names = "--unpaid", description = "Share of the holds never paid. Default: ${DEFAULT-VALUE}")
    double unpaid = 0.30;

    @Option(names = "--hold", converter = DurationConverter.class, description = "Hold duration. Default: 10s")
    Duration hold = Duration.ofSeconds(10);

    @Option(names = "--sweep-interval", converter = DurationConverter.class,
            description = "The expiry worker's sweep interval. Default: 1s")
    Duration sweepInterval = Duration.ofSeconds(1);

    @Option(names = "--clients", description = "Concurrent clients taking holds and paying. Default: ${DEFAULT-VALUE}")
    int clients = 8;

    @Option(names = "--timeout", converter = DurationConverter.class, description = "Bound on the run after the holds. Default: 120s")
    Duration timeout = Duration.ofSeconds(120);

    @Option(names = "--seed", description = "Seed choosing the unpaid holds. Default: ${DEFAULT-VALUE}")
    long seed = 42;

    @Option(names = "--data-dir", description = {"The bench stack's data directory: wiped at start, owned by this bench while it runs;",
            "refused while another Marquee uses it, or when it holds files Marquee did not write. Default: ${DEFAULT-VALUE}"})
    Path dataDir = Path.of(".marquee", "bench");

    @Override
    public Integer call() throws Exception {
        require(orders > 0, "--orders must be positive");
        require(unpaid >= 0 && unpaid <= 1, "--unpaid is a share, 0 to 1");
        require(clients > 0 && clients <= 256, "--clients must be 1 to 256");
        require(hold.toMillis() >= 1000, "--hold must be at least 1s");
        require(sweepInterval.toMillis() >= 10, "--sweep-interval must be at least 10ms");
        ExpiryPlan plan = new ExpiryPlan(orders, unpaid, hold, sweepInterval, clients, timeout, seed);
        ExpiryReport report;
        try (BenchPipeline bench = BenchPipeline.start(dataDir, Map.of("marquee.hold.duration", hold.toMillis() + "ms",
                "marquee.expiry.sweep-interval", sweepInterval.toMillis() + "ms"))) {
            report = new ExpiryRun(plan, bench.stack(), bench.pipeline(), bench.gateway(), System.out).run();
        }
        report.print(System.out);
        return report.ok() ? 0 : 1;
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
