package dev.marquee.gateway;

/** Turns one gateway's raw callback into a {@link PaymentNotification}, or refuses it. Implementations are thread-safe. */
public interface GatewayVerifier {

    /** The gateway's name as used in URLs and configuration, e.g. {@code alipay}. */
    String name();

    /**
     * Checks the signature first, then the fields and their freshness.
     *
     * @throws NotificationRejectedException if the notification is not authentic, not readable, not fresh or not
     *                                       addressed to this merchant
     * @throws NotificationIgnoredException  if it is authentic but about something other than a payment outcome
     */
    PaymentNotification verify(InboundNotification notification);
}
