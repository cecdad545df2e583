package dev.marquee.payments;

/** A payment gateway's refund API. */
public interface RefundGateway {

    /**
     * Asks the gateway to refund and returns once it accepted. Any exception means "not known to be done" and
     * the refund is asked again later, except {@link RefundRejectedException}: no retry will help.
     */
    void refund(Refund refund);
}
