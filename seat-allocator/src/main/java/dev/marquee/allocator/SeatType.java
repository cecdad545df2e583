package dev.marquee.allocator;

/** What a place in a hall is sold as. */
public enum SeatType {
    STANDARD, WHEELCHAIR, COMPANION, LOVE_SEAT
}
