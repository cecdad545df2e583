package dev.marquee.ledger;

/** How a hold ended: recorded once on its allocation, by whoever ended it first. */
public enum ClosedBy {
    /** The deadline passed unpaid; the expiry worker released the seats. */
    EXPIRED,
    /** The customer gave the seats back before the deadline. */
    CANCELLED,
    /** The seats were sold; the expiry worker found it when the deadline passed and closed the hold. */
    PAID,
    /** The screening was cancelled; the allocator released the seats (the name fits the column's 16 characters). */
    SHOW_CANCELLED
}
