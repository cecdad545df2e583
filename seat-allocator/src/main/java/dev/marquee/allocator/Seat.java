package dev.marquee.allocator;

import java.util.Objects;

/**
 * A place in a hall: its label, where it sits on the hall's grid and what it is sold as.
 *
 * @param gridRow   position front to back, ascending away from the screen
 * @param gridCol   position left to right; a missing column is an aisle or gap
 * @param pairLabel the other half of a love seat; null for every other type
 */
public record Seat(String label, String rowLabel, int gridRow, int gridCol, SeatType type, String pairLabel) {

    public Seat {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(rowLabel, "rowLabel");
        Objects.requireNonNull(type, "type");
        if ((type == SeatType.LOVE_SEAT) != (pairLabel != null)) {
            throw new IllegalArgumentException("a love seat, and only a love seat, has a pair: " + label);
        }
    }

    /** A seat that is not half of a love seat. */
    public Seat(String label, String rowLabel, int gridRow, int gridCol, SeatType type) {
        this(label, rowLabel, gridRow, gridCol, type, null);
    }
}
