package dev.marquee.orderapi.catalog.imports;

/** A place of a hall's grid, as {@code hall_seat} holds it. */
record GridSeat(String label, String rowLabel, int gridRow, int gridCol, String seatType, String pairLabel) {
}
