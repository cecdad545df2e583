package dev.marquee.orderapi.catalog;

/** A sellable place of a hall's grid (one layout version of it); {@code pairLabel} names a love seat's other half. */
public record HallSeat(String label, String rowLabel, int gridRow, int gridCol, String seatType, String pairLabel) {
}
