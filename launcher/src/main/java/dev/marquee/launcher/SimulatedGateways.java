package dev.marquee.launcher;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.marquee.gateway.AlipaySigner;
import dev.marquee.gateway.GatewayKeys;
import dev.marquee.gateway.simulator.GatewaySimulator;
import dev.marquee.gateway.simulator.SimulatorSettings;

/**
 * The payment gateways of an embedded pipeline: the simulator, with an Alipay key pair and a Stripe webhook secret
 * made for this run (never kept in the repository), and the properties that point the services at it (the app and
 * seller ids the simulator signs for are the ones order-api accepts).
 */
public final class SimulatedGateways implements AutoCloseable {

    private final GatewaySimulator simulator;
    private final AlipaySigner alipaySigner;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private SimulatedGateways(GatewaySimulator simulator, SimulatorSettings settings, KeyPair alipay,
                              String stripeSecret) {
        this.simulator = simulator;
        this.alipaySigner = new AlipaySigner(alipay.getPrivate());
        String base = simulator.baseUri().toString().replaceAll("/$", "");
        String prefix = "marquee.payments.gateways.";
        properties.put(prefix + "alipay.public-key", GatewayKeys.encode(alipay.getPublic()));
        properties.put(prefix + "alipay.app-id", settings.alipayAppId());
        properties.put(prefix + "alipay.seller-id", settings.alipaySellerId());
        properties.put(prefix + "alipay.pay-url", base + "/alipay/pay");
        properties.put(prefix + "alipay.refund-url", base + "/alipay/refunds");
        properties.put(prefix + "stripe.webhook-secret", stripeSecret);
        properties.put(prefix + "stripe.pay-url", base + "/stripe/pay");
        properties.put(prefix + "stripe.refund-url", base + "/stripe/refunds");
        properties.put("marquee.accounts.sms.gateway-url", base + "/sms/send");
    }

    /**
     * @param port      0 for any free port
     * @param timeScale multiplies the resend schedule (Alipay's 8 tries over 25 h) and delays; 1 is real time
     */
    public static SimulatedGateways start(int port, double timeScale) {
        KeyPair alipay = GatewayKeys.generateRsa();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String stripeSecret = "whsec_" + HexFormat.of().formatHex(secret);
        SimulatorSettings settings = SimulatorSettings.of(alipay.getPrivate(), stripeSecret).withPort(port)
                .withTimeScale(timeScale);
        return new SimulatedGateways(GatewaySimulator.start(settings), settings, alipay, stripeSecret);
    }

    public GatewaySimulator simulator() {
        return simulator;
    }

    /** Signs as the simulated Alipay does, for tests that craft notifications of their own. */
    public AlipaySigner alipaySigner() {
        return alipaySigner;
    }

    /** Keys, pay pages and refund endpoints for order-api and payment-listener; the SMS gateway for order-api. */
    public Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
