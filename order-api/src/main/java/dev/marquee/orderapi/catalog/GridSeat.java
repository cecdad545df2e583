package dev.marquee.orderapi.catalog;

/**
 * A sellable place of a parsed hall grid: row {@code gridRow} (1 = front) and column {@code gridCol} (1 = left) of
 * the rows of characters it came from, labelled by its row's letter and its number among the row's seats.
 *
 * @param pairLabel the other half of a love-seat pair, else null
 */
public record GridSeat(String label, String rowLabel, int gridRow, int gridCol, SeatType seatType, String pairLabel) {
}
