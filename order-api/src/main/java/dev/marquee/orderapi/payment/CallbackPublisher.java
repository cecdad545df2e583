package dev.marquee.orderapi.payment;

import dev.marquee.gateway.PaymentNotification;

/** Hands a verified notification to payment-listener; returns only once it is durably stored. */
public interface CallbackPublisher {

    /** @throws CallbacksUnavailableException when it could not be stored in time */
    void publish(String eventId, String orderId, String paymentId, PaymentNotification notification);
}
