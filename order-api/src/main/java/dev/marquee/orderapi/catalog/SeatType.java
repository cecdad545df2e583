package dev.marquee.orderapi.catalog;

import java.util.Optional;

/** What a place of a hall's grid is, and the character that draws it in a grid row. */
public enum SeatType {
    STANDARD('S'),
    WHEELCHAIR('W'),
    COMPANION('C'),
    LOVE_SEAT('L');

    /** A gap: aisle, stairs, pillar. */
    public static final char GAP = '_';
    /** No seat at this place (the grid's edge, a recess). */
    public static final char NO_SEAT = '.';

    private final char symbol;

    SeatType(char symbol) {
        this.symbol = symbol;
    }

    public char symbol() {
        return symbol;
    }

    /** The seat type a grid character draws; empty for a gap, no seat or an unknown character. */
    public static Optional<SeatType> ofSymbol(char symbol) {
        for (SeatType type : values()) {
            if (type.symbol == Character.toUpperCase(symbol)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
