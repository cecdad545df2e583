package dev.marquee.orderapi.payment;

/**
 * A payment attempt's state. STARTED: the client has what it needs to pay at the gateway; CLAIMED: the client says it
 * paid (never trusted); PAID, FAILED, FLAGGED (money that does not match the order, for an operator),
 * REFUND_PENDING and REFUNDED follow the payment-listener's verdicts.
 */
public enum PaymentStatus {
    STARTED, CLAIMED, PAID, FAILED, FLAGGED, REFUND_PENDING, REFUNDED;

    boolean open() {
        return this == STARTED || this == CLAIMED;
    }
}
