package dev.marquee.ledger;

/** A cancellation found no live hold to give back; {@link #reason()} says what it found instead. */
public final class HoldNotCancellableException extends RuntimeException {

    public enum Reason {
        /** The order has no HELD allocation (never decided, or rejected). */
        NO_HOLD,
        /** The hold's deadline passed: its seats count as free already and the expiry worker releases them. */
        LAPSED,
        /** A seat of the order was sold. */
        SOLD,
        /** The expiry worker released the hold. */
        EXPIRED,
        /** The expiry worker closed the hold as paid. */
        PAID
    }

    private final String orderId;
    private final Reason reason;

    HoldNotCancellableException(String orderId, Reason reason, String detail) {
        super("order " + orderId + ": hold not cancellable (" + reason + "): " + detail);
        this.orderId = orderId;
        this.reason = reason;
    }

    public String orderId() {
        return orderId;
    }

    public Reason reason() {
        return reason;
    }
}
