package dev.marquee.payments;

import java.util.EnumSet;
import java.util.Set;

/** Why a trade did not simply pay its order; stable codes carried by PaymentFailed and RefundRequested. */
public enum SettlementReason {
    TRADE_FAILED, UNKNOWN_ORDER, CURRENCY_MISMATCH, AMOUNT_MISMATCH, DUPLICATE_PAYMENT, ORDER_NOT_HELD, SEATS_GONE,
    /** The money came after the screening started (by the gateway's payment time), or came late and the screening
     * has started since: no seat is sold for a show that is running. */
    SCREENING_STARTED,
    /** The customer cancelled the order and was told so: its seats were given back and are never sold to it. */
    CANCELLED,
    /** An earlier payment of the order was refunded because the order could not be served: the order's money is
     * decided (REFUND_PENDING, REFUNDED), so later money goes back too and never sells its seats. */
    ORDER_REFUNDED,
    /** The screening was cancelled: money for it goes back, paid before the cancel or after, and sells no seat. */
    SCREENING_CANCELLED;

    private static final Set<SettlementReason> FLAGS = EnumSet.of(UNKNOWN_ORDER, CURRENCY_MISMATCH, AMOUNT_MISMATCH);
    private static final Set<SettlementReason> DECIDE_THE_ORDER = EnumSet.of(ORDER_NOT_HELD, SEATS_GONE,
            SCREENING_STARTED, CANCELLED, ORDER_REFUNDED, SCREENING_CANCELLED);

    /**
     * Whether money taken for this reason is flagged for an operator instead of settled: it never was the order's
     * price, so only an operator decides to give it back (and then the order itself is not touched).
     */
    public boolean flags() {
        return FLAGS.contains(this);
    }

    /**
     * Whether a refund for this reason decides the order (order-api shows it REFUND_PENDING, then REFUNDED): the
     * money could not serve the order. A second payment's or flagged money's refund leaves the order as it was.
     */
    public boolean decidesTheOrder() {
        return DECIDE_THE_ORDER.contains(this);
    }
}
