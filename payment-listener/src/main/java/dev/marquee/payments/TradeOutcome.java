package dev.marquee.payments;

/** How a gateway trade was settled. */
public enum TradeOutcome {
    /** The order is paid and its seats sold. */
    PAID,
    /** Money came but the order cannot be served; it goes back to the customer. */
    REFUND,
    /** Money may have moved but does not match any order as it should: an operator must look. */
    FLAGGED,
    /** The gateway says the trade failed; a later success of the same trade still pays. */
    FAILED;

    /** Whether nothing that arrives later about the trade changes it. */
    public boolean isFinal() {
        return this != FAILED;
    }
}
