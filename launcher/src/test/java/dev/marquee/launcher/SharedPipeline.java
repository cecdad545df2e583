package dev.marquee.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import dev.marquee.gateway.AlipaySigner;
import dev.marquee.gateway.simulator.GatewaySimulator;
import dev.marquee.stack.EmbeddedStack;

/**
 * One embedded stack and one pipeline for every integration test of this JVM, stopped at exit, services first, with
 * the demo catalog imported (and read by every service) before the first test.
 */
public final class SharedPipeline {

    /** Alipay's 25 hours of resends in about 90 seconds. */
    static final double GATEWAY_TIME_SCALE = 0.001;

    /** The demo accounts' password (order-api's DemoAccounts: an administrator, staff of merchant 1, two customers). */
    static final String DEMO_PASSWORD = "pipeline-demo-password";

    private static Pipeline pipeline;
    private static SimulatedGateways gateways;

    private SharedPipeline() {
    }

    public static synchronized Pipeline get() {
        if (pipeline == null) {
            EmbeddedStack stack = EmbeddedStack.shared();
            gateways = SimulatedGateways.start(0, GATEWAY_TIME_SCALE);
            stack.closeFirst(gateways);
            Map<String, String> overrides = new HashMap<>(gateways.properties());
            overrides.put("marquee.outbox.purge-interval", "1s");
            overrides.put("marquee.payments.notification-purge-interval", "1s");
            overrides.put("marquee.orders.gauge-interval", "1s");
            overrides.put("marquee.consumer-stall.check-interval", "1s");
            // tests that drive load as one customer (rebalancing, flash crowds) would be throttled like a bot; the
            // limits themselves are tested across two order-api instances by PartnerAppsIT and RedisTokenBucketsIT
            overrides.put("marquee.rate-limits.enabled", "false");
            overrides.put("marquee.demo.accounts", "true");
            overrides.put("marquee.demo.password", DEMO_PASSWORD);
            // fixed free ports, so that the console (order-api, started first) can be told where the others are
            Map<String, Integer> ports = new HashMap<>();
            for (Service service : Service.values()) {
                ports.put(service.id(), freePort());
            }
            overrides.putAll(ConsoleTargets.properties(ports, gateways.simulator().baseUri()));
            pipeline = Pipeline.start(stack.properties(), ports, overrides);
            stack.closeFirst(pipeline);
            // the demo catalog (halls 1-2, screenings 1-4, merchant 1 ...) as ./marquee run imports it
            DemoCatalog.seed(stack, pipeline.port("order-api"));
        }
        return pipeline;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> gatewayProperties() {
        get();
        return gateways.properties();
    }

    static AlipaySigner alipaySigner() {
        get();
        return gateways.alipaySigner();
    }

    public static GatewaySimulator gateway() {
        get();
        return gateways.simulator();
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + get().port("order-api");
    }
}
