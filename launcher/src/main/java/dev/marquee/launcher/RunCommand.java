package dev.marquee.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

import dev.marquee.stack.EmbeddedStack;
import dev.marquee.stack.StackPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code marquee run}: the whole pipeline on the embedded stack, in this JVM, until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Starts the whole pipeline on the embedded stack: Kafka, MariaDB, Redis and the schema",
                "registry in-process, then every service. Prints a ready line; Ctrl-C stops everything.",
                "The stack is ephemeral: each run starts from an empty data directory and seeds the demo catalog."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--data-dir", description = {"Where Kafka and MariaDB keep their data: wiped at start, owned by this run while it lasts.",
            "Refused while another Marquee uses it, or when it holds files Marquee did not write. Default: ${DEFAULT-VALUE}"})
    Path dataDir = Path.of(".marquee", "data");

    @Option(names = "--http-port", description = "order-api's HTTP port. Default: ${DEFAULT-VALUE}")
    int httpPort = 8080;

    @Option(names = "--allocator-port", description = "seat-allocator's management (health) port. Default: ${DEFAULT-VALUE}")
    int allocatorPort = 8081;

    @Option(names = "--payments-port", description = "payment-listener's management (health) port. Default: ${DEFAULT-VALUE}")
    int paymentsPort = 8082;

    @Option(names = "--gateway-port", description = "The payment gateway simulator's port (pay page, refunds). Default: ${DEFAULT-VALUE}")
    int gatewayPort = 8090;

    @Option(names = "--gateway-time-scale", description = "Multiplies the simulator's resend schedule (Alipay's 8 tries over 25 h). Default: ${DEFAULT-VALUE}")
    double gatewayTimeScale = 1.0;

    @Option(names = "--kafka-port", description = "Default: ${DEFAULT-VALUE}")
    int kafkaPort = StackPorts.defaults().kafka();

    @Option(names = "--mariadb-port", description = "Default: ${DEFAULT-VALUE}")
    int mariaDbPort = StackPorts.defaults().mariaDb();

    @Option(names = "--redis-port", description = "Default: ${DEFAULT-VALUE}")
    int redisPort = StackPorts.defaults().redis();

    @Option(names = "--registry-port", description = "Schema registry port. Default: ${DEFAULT-VALUE}")
    int registryPort = StackPorts.defaults().schemaRegistry();

    @Option(names = "--partitions", description = "Partitions of each event topic. Default: ${DEFAULT-VALUE}")
    int partitions = 6;

    @Option(names = "--hold", description = {"How long seats stay held awaiting payment (ISO-8601 or e.g. 15m).",
            "The demo holds briefly so that expiry can be watched; production's default is 15m. Default: ${DEFAULT-VALUE}"})
    String hold = "2m";

    @Option(names = "--sweep-interval", description = "How often the expiry worker looks for lapsed holds. Default: ${DEFAULT-VALUE}")
    String sweepInterval = "1s";

    @Option(names = "--expiry-port", description = "expiry-worker's management (health) port. Default: ${DEFAULT-VALUE}")
    int expiryPort = 8083;

    @Option(names = "--box-office-port", description = "box-office's HTTP port (rankings). Default: ${DEFAULT-VALUE}")
    int boxOfficePort = 8084;

    @Option(names = "--relay-port", description = "outbox-relay's management (health, metrics) port. Default: ${DEFAULT-VALUE}")
    int relayPort = 8085;

    @Option(names = "--catalog", description = {"The demo catalog, imported once the services are up (./marquee import",
            "catalog); the services learn it from catalog-events. Default: ${DEFAULT-VALUE}"})
    Path catalog = DemoCatalog.FILE;

    @Option(names = "--demo-password", description = {"The password of the demo's accounts (an administrator, a staff",
            "member, two customers). Default: a new one each run, printed when ready"})
    String demoPassword = DemoPassword.generate();

    private Map<String, String> overrides(SimulatedGateways gateways) {
        Map<String, String> overrides = new HashMap<>(SharedCores.properties());
        overrides.putAll(gateways.properties());
        overrides.put("marquee.topics.partitions", Integer.toString(partitions));
        overrides.put("marquee.hold.duration", hold);
        overrides.put("marquee.expiry.sweep-interval", sweepInterval);
        overrides.put("marquee.demo.accounts", "true");
        overrides.put("marquee.demo.password", demoPassword);
        return overrides;
    }

    @Override
    public Integer call() throws InterruptedException {
        long begin = System.nanoTime();
        StackPorts ports = new StackPorts(mariaDbPort, redisPort, kafkaPort, StackPorts.defaults().kafkaController(),
                registryPort);
        EmbeddedStack stack = EmbeddedStack.start(dataDir, ports, partitions);
        SimulatedGateways gateways = SimulatedGateways.start(gatewayPort, gatewayTimeScale);
        Pipeline pipeline;
        try {
            Map<String, Integer> servicePorts = Map.of("order-api", httpPort, "outbox-relay", relayPort,
                    "seat-allocator", allocatorPort, "payment-listener", paymentsPort, "expiry-worker", expiryPort,
                    "box-office", boxOfficePort);
            Map<String, String> overrides = new HashMap<>(overrides(gateways));
            overrides.putAll(ConsoleTargets.properties(servicePorts, gateways.simulator().baseUri()));
            pipeline = Pipeline.start(stack.properties(), servicePorts, overrides);
        } catch (RuntimeException e) {
            gateways.close();
            stack.close();
            throw e;
        }
        if (DemoCatalog.seed(catalog, stack, "http://127.0.0.1:" + pipeline.port("order-api")) != 0) {
            System.err.println("marquee: the demo catalog " + catalog + " was not imported (see above); stopping");
            pipeline.close();
            gateways.close();
            stack.close();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Marquee ...");
            pipeline.close();
            gateways.close();
            stack.close();
            stopped.countDown();
        }, "marquee-shutdown"));
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        System.out.printf("%nMarquee is ready in %.1f s: pages http://127.0.0.1:%d/ (operators /pages/console.html)"
                        + " | order-api http://127.0.0.1:%d/api (health /actuator/health)"
                        + " | box office http://127.0.0.1:%d/api/box-office/rankings | gateway simulator %s | Kafka %s | schema registry %s | MariaDB %s | Redis %s"
                        + " | Ctrl-C stops%n%n",
                took.toMillis() / 1000.0, pipeline.port("order-api"), pipeline.port("order-api"),
                pipeline.port("box-office"),
                gateways.simulator().baseUri(),
                stack.kafkaBootstrapServers(),
                stack.schemaRegistryUrl(), stack.jdbcUrl(), stack.redisAddress());
        System.out.print(DemoPassword.banner(demoPassword, pipeline.port("order-api"), gateways.simulator().baseUri()));
        stopped.await();
        return 0;
    }
}
