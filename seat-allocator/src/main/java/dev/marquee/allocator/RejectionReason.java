package dev.marquee.allocator;

/**
 * Why the allocator refused an order, beside the seat rules' own codes ({@link SeatViolation}); the names are
 * the stable codes carried by SeatsRejected.
 */
public enum RejectionReason {
    /** A named seat is held or sold by another order. */
    SEATS_TAKEN,
    /** No block of the asked number of contiguous standard seats is free ("any N seats"). */
    SOLD_OUT,
    /** The screening has started. */
    SCREENING_CLOSED,
    /**
     * The allocator failed for good on this order (the same failure however often it tried, e.g. data the database
     * refuses); the order is answered so that it holds up no other.
     */
    INTERNAL_ERROR
}
