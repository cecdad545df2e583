package dev.marquee.launcher;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.marquee.gateway.GatewayKeys;
import dev.marquee.gateway.simulator.SimulatorSettings;

/**
 * The .env lines of compose's {@code demo} profile: an Alipay key pair (the simulator signs with the private half,
 * order-api verifies with the public one), a Stripe webhook secret both share, and the URLs that point order-api and
 * payment-listener at the simulator (pay pages on the host's port 8090, refunds and SMS inside compose's network).
 */
final class DemoGatewayKeys {

    private DemoGatewayKeys() {
    }

    static Map<String, String> generate() {
        KeyPair alipay = GatewayKeys.generateRsa();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("SIMULATOR_ALIPAY_PRIVATE_KEY", GatewayKeys.encode(alipay.getPrivate()));
        lines.put("ALIPAY_PUBLIC_KEY", GatewayKeys.encode(alipay.getPublic()));
        lines.put("ALIPAY_APP_ID", SimulatorSettings.DEFAULT_ALIPAY_APP_ID);
        lines.put("ALIPAY_SELLER_ID", SimulatorSettings.DEFAULT_ALIPAY_SELLER_ID);
        lines.put("STRIPE_WEBHOOK_SECRET", "whsec_" + HexFormat.of().formatHex(secret));
        lines.put("ALIPAY_PAY_URL", "http://localhost:8090/alipay/pay");
        lines.put("STRIPE_PAY_URL", "http://localhost:8090/stripe/pay");
        lines.put("ALIPAY_REFUND_URL", "http://gateway-simulator:8090/alipay/refunds");
        lines.put("STRIPE_REFUND_URL", "http://gateway-simulator:8090/stripe/refunds");
        lines.put("SMS_GATEWAY_URL", "http://gateway-simulator:8090/sms/send");
        return lines;
    }
}
