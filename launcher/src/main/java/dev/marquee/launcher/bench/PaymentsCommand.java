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

/** {@code marquee bench payments}: holds paid through the gateway simulator, duplicates and late money included. */
@Command(name = "payments", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A payment run: --orders orders of 2 seats are held, then each is paid at the gateway",
                "simulator, which signs and posts the callbacks to order-api. --duplicates of them are delivered",
                "twice, --late arrive after the hold lapsed. Reports callback throughput and latency from the",
                "callback's send time to PAID, and checks that no order was charged twice (every extra charge",
                "refunded), no seat is both sold and free, and every order ends PAID or REFUNDED."})
final class PaymentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--orders", description = "Held orders to pay. Default: ${DEFAULT-VALUE}")
    int orders = 500;

    @Option(names = "--clients", description = "Concurrent clients starting payments. Default: ${DEFAULT-VALUE}")
    int clients = 8;

    @Option(names = "--rate", description = "Payments started per second; 0 as fast as the clients go. Default: ${DEFAULT-VALUE}")
    double rate = 0;

    @Option(names = "--duplicates", description = "Share of callbacks delivered twice. Default: ${DEFAULT-VALUE}")
    double duplicates = 0.20;

    @Option(names = "--late", description = "Share of callbacks sent after the hold lapsed. Default: ${DEFAULT-VALUE}")
    double late = 0.05;

    @Option(names = "--hold", converter = DurationConverter.class,
            description = "Hold duration of the run; late callbacks come 2 s after their hold's deadline. Default: 30s")
    Duration hold = Duration.ofSeconds(30);

    @Option(names = "--gateway", description = "alipay or stripe. Default: ${DEFAULT-VALUE}")
    String gateway = "alipay";

    @Option(names = "--timeout", converter = DurationConverter.class, description = "Bound on the run after the holds. Default: 120s")
    Duration timeout = Duration.ofSeconds(120);

    @Option(names = "--seed", description = "Seed choosing duplicates and late callbacks. Default: ${DEFAULT-VALUE}")
    long seed = 42;

    @Option(names = "--data-dir", description = {"The bench stack's data directory: wiped at start, owned by this bench while it runs;",
            "refused while another Marquee uses it, or when it holds files Marquee did not write. Default: ${DEFAULT-VALUE}"})
    Path dataDir = Path.of(".marquee", "bench");

    @Override
    public Integer call() throws Exception {
        require(orders > 0, "--orders must be positive");
        require(clients > 0 && clients <= 256, "--clients must be 1 to 256");
        require(rate >= 0, "--rate must be 0 or positive");
        require(duplicates >= 0 && duplicates <= 1 && late >= 0 && late <= 1, "--duplicates and --late are shares, 0 to 1");
        require(gateway.equals("alipay") || gateway.equals("stripe"), "--gateway must be alipay or stripe");
        require(hold.toSeconds() >= 2, "--hold must be at least 2s");
        PaymentsPlan plan = new PaymentsPlan(orders, clients, rate, duplicates, late, hold, gateway, timeout, seed);
        PaymentsReport report;
        try (BenchPipeline bench = BenchPipeline.start(dataDir, Map.of("marquee.hold.duration", hold.toMillis() + "ms"))) {
            report = new PaymentRun(plan, bench.stack(), bench.pipeline(), bench.gateway(), System.out).run();
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
