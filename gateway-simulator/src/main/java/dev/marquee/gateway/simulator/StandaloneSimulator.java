package dev.marquee.gateway.simulator;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.marquee.gateway.GatewayKeys;

/**
 * The simulator as a process of its own (the compose file's {@code demo} profile): the payment gateways and the SMS
 * gateway on one port, signing with keys from the environment.
 *
 * <ul>
 *   <li>{@code SIMULATOR_PORT} (8090)</li>
 *   <li>{@code SIMULATOR_ALIPAY_PRIVATE_KEY}: base64 PKCS#8; order-api verifies with its public half</li>
 *   <li>{@code SIMULATOR_STRIPE_WEBHOOK_SECRET}: the secret order-api verifies webhooks with</li>
 *   <li>{@code SIMULATOR_ALIPAY_APP_ID}, {@code SIMULATOR_ALIPAY_SELLER_ID}: the merchant the notifications name</li>
 * </ul>
 * {@code ./marquee keys --demo-gateways} prints a matching set for compose's .env file.
 */
public final class StandaloneSimulator {

    private StandaloneSimulator() {
    }

    /** The settings the environment names; a required variable that is missing or blank is an error naming it. */
    static SimulatorSettings settings(Map<String, String> environment) {
        return SimulatorSettings.of(GatewayKeys.privateKey(required(environment, "SIMULATOR_ALIPAY_PRIVATE_KEY")),
                        required(environment, "SIMULATOR_STRIPE_WEBHOOK_SECRET"))
                .withPort(Integer.parseInt(optional(environment, "SIMULATOR_PORT", "8090")))
                .withAlipayMerchant(
                        optional(environment, "SIMULATOR_ALIPAY_APP_ID", SimulatorSettings.DEFAULT_ALIPAY_APP_ID),
                        optional(environment, "SIMULATOR_ALIPAY_SELLER_ID", SimulatorSettings.DEFAULT_ALIPAY_SELLER_ID));
    }

    /** Compose passes an unset variable as blank: blank takes the default too. */
    private static String optional(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (./marquee keys --demo-gateways prints one)");
        }
        return value;
    }

    public static void main(String[] args) throws InterruptedException {
        GatewaySimulator simulator = GatewaySimulator.start(settings(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "gateway-simulator-shutdown"));
        System.out.println("gateway simulator listening on port " + simulator.port());
        stopped.await();
    }
}
