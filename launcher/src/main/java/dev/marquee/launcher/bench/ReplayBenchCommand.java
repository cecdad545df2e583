package dev.marquee.launcher.bench;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import dev.marquee.stack.EmbeddedStack;
import dev.marquee.stack.StackPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marquee bench replay}: millions of sales on the event topics, then the rankings rebuilt from offset 0. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A replay run on its own embedded stack: produces --events events (OrderPaid and",
                "TicketsIssued per sale, RefundCompleted for --refunds of them) over a week, --movies movies and",
                "--cinemas cinemas, then rebuilds the box-office projection from offset 0 (fresh tables, swapped",
                "in) and replays the same topics into rankings as an analyst would. Prints events/s and wall time",
                "of both, and checks that both give exactly the revenue and tickets per movie that were produced."})
final class ReplayBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", description = "Events to produce (at least). Default: ${DEFAULT-VALUE}")
    int events = 2_000_000;

    @Option(names = "--movies", description = "Default: ${DEFAULT-VALUE}")
    int movies = 40;

    @Option(names = "--cinemas", description = "Default: ${DEFAULT-VALUE}")
    int cinemas = 12;

    @Option(names = "--refunds", description = "Share of sales refunded afterwards. Default: ${DEFAULT-VALUE}")
    double refunds = 0.02;

    @Option(names = "--zone", description = "The zone of a sale's day. Default: ${DEFAULT-VALUE}")
    ZoneId zone = ZoneId.of("Asia/Shanghai");

    @Option(names = "--seed", description = "Default: ${DEFAULT-VALUE}")
    long seed = 42;

    @Option(names = "--data-dir", description = {"The bench stack's data directory: wiped at start, owned by this bench while it runs;",
            "refused while another Marquee uses it, or when it holds files Marquee did not write. Default: ${DEFAULT-VALUE}"})
    Path dataDir = Path.of(".marquee", "bench");

    @Override
    public Integer call() throws Exception {
        if (events < 2 || movies < 1 || cinemas < 1 || refunds < 0 || refunds > 1) {
            throw new ParameterException(spec.commandLine(), "--events >= 2, --movies and --cinemas >= 1, --refunds 0 to 1");
        }
        ReplayReportLine report;
        try (EmbeddedStack stack = EmbeddedStack.start(dataDir, StackPorts.ephemeral(), 6)) {
            report = new ReplayRun(stack, new SalesPlan(events, movies, cinemas, refunds, seed), zone, System.out).run();
        }
        report.print(System.out);
        return report.ok() ? 0 : 1;
    }
}
