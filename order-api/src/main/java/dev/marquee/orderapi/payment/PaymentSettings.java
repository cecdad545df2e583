package dev.marquee.orderapi.payment;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 * @param gateways             per gateway (by the name in its notify URL): where customers pay, how its
 *                             notifications are verified
 * @param notificationRetention acknowledged notifications are kept this long to recognise resends, then purged
 * @param notificationPurgeInterval how often that purge runs
 */
@ConfigurationProperties("marquee.payments")
public record PaymentSettings(URI notifyBaseUrl, @DefaultValue("10m") Duration maxNotificationAge,
                             @DefaultValue("5s") Duration publishTimeout,
                             Map<String, Gateway> gateways,
                             @DefaultValue("3d") Duration notificationRetention,
                             @DefaultValue("1h") Duration notificationPurgeInterval) {

    public PaymentSettings {
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
