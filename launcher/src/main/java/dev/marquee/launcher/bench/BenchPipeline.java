package dev.marquee.launcher.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.gateway.simulator.GatewaySimulator;
import dev.marquee.launcher.DemoCatalog;
import dev.marquee.launcher.Pipeline;
import dev.marquee.launcher.SharedCores;
import dev.marquee.launcher.SimulatedGateways;
import dev.marquee.stack.EmbeddedStack;
import dev.marquee.stack.StackPorts;

/**
 * A bench's own world: a fresh embedded stack on free ports, the gateway simulator and every service, configured
 * like {@code ./marquee run} plus the bench's settings. Closing it stops the services, the simulator and the stack.
 */
final class BenchPipeline implements AutoCloseable {

    /** The simulator's resends (and delays) come 100 times sooner than Alipay's. */
    static final double GATEWAY_TIME_SCALE = 0.01;

    private final EmbeddedStack stack;
    private final Pipeline pipeline;
    private final GatewaySimulator gateway;

    private BenchPipeline(EmbeddedStack stack, Pipeline pipeline, GatewaySimulator gateway) {
        this.stack = stack;
        this.pipeline = pipeline;
        this.gateway = gateway;
    }

    /** With the demo catalog imported (the halls and screenings benches sell). */
    static BenchPipeline start(Path dataDir, Map<String, String> settings) {
        return start(dataDir, settings, true);
    }

    static BenchPipeline start(Path dataDir, Map<String, String> settings, boolean demoCatalog) {
        EmbeddedStack stack = EmbeddedStack.start(dataDir, StackPorts.ephemeral(), 6);
        try {
            SimulatedGateways gateways = SimulatedGateways.start(0, GATEWAY_TIME_SCALE);
            stack.closeFirst(gateways);
            Map<String, String> overrides = new HashMap<>(SharedCores.properties());
            overrides.putAll(gateways.properties());
            overrides.putAll(settings);
            Pipeline pipeline = Pipeline.start(stack.properties(), ports(), overrides);
            stack.closeFirst(pipeline);
            if (demoCatalog) {
                DemoCatalog.seed(stack, pipeline.port("order-api"));
            }
            return new BenchPipeline(stack, pipeline, gateways.simulator());
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * A port of its own for each service, chosen here rather than by the service (port 0): Tomcat then names its
     * request threads after the port ({@code http-nio-PORT-exec-N}), so the CPU split can tell whose they are.
     */
    private static Map<String, Integer> ports() {
        Map<String, Integer> ports = new HashMap<>();
        for (String service : List.of("order-api", "outbox-relay", "seat-allocator", "payment-listener",
                "expiry-worker", "box-office")) {
            ports.put(service, ServiceFleet.freePort());
        }
        return ports;
    }

    EmbeddedStack stack() {
        return stack;
    }

    Pipeline pipeline() {
        return pipeline;
    }

    GatewaySimulator gateway() {
        return gateway;
    }

    @Override
    public void close() {
        stack.close();
    }
}
