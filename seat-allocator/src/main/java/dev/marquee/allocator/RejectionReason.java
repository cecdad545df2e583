package dev.marquee.allocator;

/** Why the allocator refused an order; the names are the stable codes carried by SeatsRejected. */
public enum RejectionReason {
    SEATS_TAKEN, SCREENING_CLOSED
}
