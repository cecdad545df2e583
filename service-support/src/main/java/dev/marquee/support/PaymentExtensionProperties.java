package dev.marquee.support;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one extension of a hold whose payment is in flight ({@code marquee.expiry.payment-extension}): order-api marks
 * it when a payment starts, the expiry worker honours it.
 *
 * @param paymentExtension how much longer a lapsed hold whose payment is in flight is kept (once)
 */
@ConfigurationProperties("marquee.expiry")
public record PaymentExtensionProperties(@DefaultValue("5m") Duration paymentExtension) {
}
