package dev.marquee.orderapi.payment;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code marquee.payments.*}: where customers pay and how gateways' notifications are verified. A gateway without
 * its key or secret is disabled. Keys and secrets come from configuration (environment in production); the
 * embedded pipeline generates a fresh pair per run and gives the private half to its gateway simulator.
 *
 * @param notifyBaseUrl        this order-api as the gateways reach it; notifications go to
 *                             {@code {notifyBaseUrl}/api/payments/{gateway}/notify}. Unset: the base URL the
 *                             client used to start the payment
 * @param maxNotificationAge   older (or further in the future) notifications are refused as stale or replayed
 * @param publishTimeout       how long a notification waits for Kafka's acknowledgement before the gateway is
 *                             told to try again
 */
@ConfigurationProperties("marquee.payments")
public record PaymentSettings(URI notifyBaseUrl, Duration maxNotificationAge, Duration publishTimeout,
                             Map<String, Gateway> gateways) {

    public PaymentSettings {
        maxNotificationAge = maxNotificationAge == null ? Duration.ofMinutes(10) : maxNotificationAge;
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(5) : publishTimeout;
        gateways = gateways == null ? Map.of() : Map.copyOf(gateways);
    }

    /**
     * @param payUrl        the gateway's pay page
     * @param publicKey     alipay-style gateways: the gateway's RSA public key, base64 X.509
     * @param appId         alipay-style gateways: our application's id; notices for another app are refused
     * @param sellerId      alipay-style gateways: our seller account ({@code seller_id}); notices for another
     *                      seller are refused (unset: not checked)
     * @param webhookSecret stripe-style gateways: the HMAC secret of the webhook endpoint
     */
    public record Gateway(URI payUrl, String publicKey, String appId, String sellerId, String webhookSecret) {
    }
}
