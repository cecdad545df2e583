package dev.marquee.payments.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.payments.*}: per gateway (by the name callbacks carry, e.g. {@code alipay}, {@code stripe}) the
 * URL of its refund API, and the HTTP timeouts.
 *
 * @param gateways       per gateway: where its refund API is ({@code refund-url}); a gateway without one cannot refund
 * @param connectTimeout how long connecting to a gateway's refund API may take
 * @param refundTimeout  how long a refund request may take
 */
@ConfigurationProperties("marquee.payments")
public record PaymentGatewaysProperties(Map<String, Gateway> gateways,
                                        @DefaultValue("2s") Duration connectTimeout,
                                        @DefaultValue("10s") Duration refundTimeout) {

    public PaymentGatewaysProperties {
        gateways = gateways == null ? Map.of() : Map.copyOf(gateways);
    }

    public record Gateway(URI refundUrl) {
    }

    Optional<URI> refundUrl(String gateway) {
        return Optional.ofNullable(gateways.get(gateway)).map(Gateway::refundUrl);
    }
}
