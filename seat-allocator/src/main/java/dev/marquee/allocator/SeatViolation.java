package dev.marquee.allocator;

/**
 * Why the seat rules refuse an order.
 *
 * @param reason one of the stable codes below, carried as the rejection reason
 * @param detail for people: which seats and which limit
 */
public record SeatViolation(String reason, String detail) {

    public static final String INVALID_SEAT = "INVALID_SEAT";
    public static final String LOVE_SEAT_SPLIT = "LOVE_SEAT_SPLIT";
    public static final String WHEELCHAIR_POLICY = "WHEELCHAIR_POLICY";
    public static final String ORPHAN_SEAT = "ORPHAN_SEAT";
    public static final String TOO_MANY_SEATS = "TOO_MANY_SEATS";
    public static final String CUSTOMER_LIMIT = "CUSTOMER_LIMIT";
}
