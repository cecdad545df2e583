package dev.marquee.orderapi.payment;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.marquee.gateway.AlipayGateway;
import dev.marquee.gateway.GatewayKeys;
import dev.marquee.gateway.GatewayVerifier;
import dev.marquee.gateway.StripeGateway;

/** The gateways this order-api takes money from: each with its verifier and its pay page. */
public final class PaymentGateways {

    /** A gateway customers can pay at. */
    public record Enabled(String name, GatewayVerifier verifier, URI payUrl) {
    }

    private final Map<String, Enabled> enabled = new LinkedHashMap<>();

    public PaymentGateways(PaymentSettings settings, Clock clock) {
        settings.gateways().forEach((name, gateway) -> verifier(name, gateway, settings, clock)
                .ifPresent(v -> enabled.put(name, new Enabled(name, v, gateway.payUrl()))));
    }

    private static Optional<GatewayVerifier> verifier(String name, PaymentSettings.Gateway gateway,
                                                      PaymentSettings settings, Clock clock) {
        boolean hasKey = gateway.publicKey() != null && !gateway.publicKey().isBlank();
        boolean hasSecret = gateway.webhookSecret() != null && !gateway.webhookSecret().isBlank();
        return switch (name) {
            case "alipay" -> hasKey ? Optional.of(new AlipayGateway(GatewayKeys.publicKey(gateway.publicKey()),
                    requireAppId(name, gateway), gateway.sellerId(), settings.maxNotificationAge(), clock))
                    : Optional.empty();
            case "stripe" -> hasSecret ? Optional.of(new StripeGateway(gateway.webhookSecret(),
                    settings.maxNotificationAge(), clock)) : Optional.empty();
            default -> throw new IllegalArgumentException("marquee.payments.gateways." + name
                    + ": unknown gateway style; known are alipay and stripe");
        };
    }

    private static String requireAppId(String name, PaymentSettings.Gateway gateway) {
        if (gateway.appId() == null || gateway.appId().isBlank()) {
            throw new IllegalArgumentException("marquee.payments.gateways." + name + ".app-id: required with its"
                    + " public key (notifications for another app are refused)");
        }
        return gateway.appId();
    }

    public Optional<Enabled> get(String name) {
        return Optional.ofNullable(enabled.get(name));
    }

    public Set<String> names() {
        return enabled.keySet();
    }
}
