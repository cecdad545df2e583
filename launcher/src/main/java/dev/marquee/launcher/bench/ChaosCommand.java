package dev.marquee.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import dev.marquee.launcher.DurationConverter;
import dev.marquee.launcher.DemoCatalog;
import dev.marquee.launcher.SimulatedGateways;
import dev.marquee.stack.EmbeddedStack;
import dev.marquee.stack.StackPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marquee bench chaos}: the services as separate processes, faults injected under load, the books checked. */
@Command(name = "chaos", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A chaos run. The stack (Kafka, MariaDB, Redis, registry) runs in this process; each service",
                "runs as its own OS process (java -jar marquee.jar service NAME, configured through the environment as",
                "docker-compose.yml does): two order-api instances behind a round-robin client that skips a refused",
                "connection, two outbox-relays (one leads), two seat-allocators, a payment-listener and an",
                "expiry-worker (no box-office).",
                "A flash sale on screening 1 (hall 1, ~100 seats) and two-seat orders paid at the gateway simulator",
                "(hall 2, a share of callbacks duplicated) run at --rate throughout: an open loop far lighter than",
                "bench flash-sale, so that eight service JVMs and the stack fit on two cores. Holds last --hold, so",
                "unpaid ones expire during the run. Then, one after the other, each once every hall decides again:",
                "kill -9 and restart of a seat-allocator (the one owning the flash sale's hall), payment-listener,",
                "expiry-worker and the leading outbox-relay; SIGSTOP of that allocator for the lock",
                "lease + 3 s, then SIGCONT; restart of Redis, of the Kafka broker and of MariaDB (same ports, same data).",
                "Prints per fault the recovery (from the fault to the first decision of an order placed after it, and",
                "until every hall had one) and the decision-latency p99 before and after; then checks: nothing",
                "oversold, no accepted order lost, nobody charged twice, every order terminal or consistent with its",
                "seats, sold + held + free = capacity, no consumer partition stalled. 6 to 10 minutes on two cores:",
                "one to three of them starting the eight service JVMs.",
                "Service logs: DATA-DIR/logs. Exit code 0 if every invariant held, else 1."})
final class ChaosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", description = "Orders per second, throughout. Default: ${DEFAULT-VALUE}")
    double rate = 20;

    @Option(names = "--clients", description = "Concurrent HTTP connections. Default: ${DEFAULT-VALUE}")
    int clients = 8;

    @Option(names = "--max-seats", description = "Seats per flash-sale order: 1 to this many. Default: ${DEFAULT-VALUE}")
    int maxSeats = 4;

    @Option(names = "--duplicates", description = "Share of payment callbacks delivered twice. Default: ${DEFAULT-VALUE}")
    double duplicates = 0.2;

    @Option(names = "--hold", converter = DurationConverter.class, description = "Hold duration. Default: 30s")
    Duration hold = Duration.ofSeconds(30);

    @Option(names = "--lease", converter = DurationConverter.class,
            description = "Hall-lock lease of the services; the SIGSTOP lasts this + 3 s. Default: 10s")
    Duration lease = Duration.ofSeconds(10);

    @Option(names = "--baseline", converter = DurationConverter.class, description = "Load before the first fault. Default: 15s")
    Duration baseline = Duration.ofSeconds(15);

    @Option(names = "--window", converter = DurationConverter.class,
            description = "Load after each recovery before the next fault; also the latency windows. Default: 10s")
    Duration window = Duration.ofSeconds(10);

    @Option(names = "--fault-timeout", converter = DurationConverter.class,
            description = "Longest wait for a fault's recovery before going on. Default: 120s")
    Duration faultTimeout = Duration.ofSeconds(120);

    @Option(names = "--drain", converter = DurationConverter.class,
            description = "Longest wait after the load for the books to agree. Default: 90s")
    Duration drain = Duration.ofSeconds(90);

    @Option(names = "--seed", description = "Seed of seat choices and duplicates. Default: ${DEFAULT-VALUE}")
    long seed = 42;

    @Option(names = "--jar", description = "The launcher jar the services run from. Default: ${DEFAULT-VALUE}")
    Path jar = Path.of("launcher", "target", "marquee.jar");

    @Option(names = "--service-jvm-options", description = "JVM options of each service process. Default: ${DEFAULT-VALUE}")
    String serviceJvmOptions = "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    @Option(names = "--data-dir", description = "The bench stack's data directory (wiped at start). Default: ${DEFAULT-VALUE}")
    Path dataDir = Path.of(".marquee", "chaos");

    @Override
    public Integer call() throws Exception {
        require(rate > 0, "--rate must be positive");
        require(clients > 0 && clients <= 256, "--clients must be 1 to 256");
        require(duplicates >= 0 && duplicates <= 1, "--duplicates is a share, 0 to 1");
        require(Files.isRegularFile(jar), "no launcher jar at " + jar + " (./marquee build)");
        ChaosPlan plan = new ChaosPlan(rate, clients, maxSeats, duplicates, hold, lease, baseline, window,
                faultTimeout, drain, seed);
        EmbeddedStack stack = EmbeddedStack.start(dataDir, StackPorts.ephemeral(), 6);
        AtomicReference<ServiceFleet> fleetRef = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ServiceFleet fleet = fleetRef.getAndSet(null);
            if (fleet != null) {
                fleet.close();
            }
            stack.close();
        }, "chaos-stop"));
        ChaosReport report;
        try (stack; SimulatedGateways gateways = SimulatedGateways.start(0, BenchPipeline.GATEWAY_TIME_SCALE)) {
            System.out.println("bench: stack up; starting the services as processes (logs in " + dataDir.resolve("logs") + ")");
            long begin = System.nanoTime();
            ServiceFleet fleet = ServiceFleet.start(javaCommand(), properties(stack, gateways), dataDir.resolve("logs"),
                    Duration.ofSeconds(240));
            fleetRef.set(fleet);
            DemoCatalog.seed(stack, fleet.orderApiUrls().getFirst());
            System.out.printf("bench: %d service processes ready in %.1f s%n", fleet.all().size(),
                    (System.nanoTime() - begin) / 1e9);
            try (fleet) {
                report = new ChaosRun(plan, stack, fleet, gateways.simulator(), System.out).run();
            } finally {
                fleetRef.set(null);
            }
        }
        report.print(System.out);
        return report.ok() ? 0 : 1;
    }

    private Map<String, String> properties(EmbeddedStack stack, SimulatedGateways gateways) {
        Map<String, String> p = new HashMap<>(stack.properties());
        p.putAll(gateways.properties());
        p.put("marquee.topics.partitions", "6");
        p.put("marquee.hold.duration", hold.toMillis() + "ms");
        p.put("marquee.hall-lock.lease", lease.toMillis() + "ms");
        p.put("marquee.expiry.sweep-interval", "1s");
        p.put("spring.main.banner-mode", "off");
        return p;
    }

    private List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Arrays.stream(serviceJvmOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return command;
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
