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
    SCREENING_CLOSED
}
