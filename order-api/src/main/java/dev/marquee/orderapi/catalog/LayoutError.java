package dev.marquee.orderapi.catalog;

/**
 * Why a hall grid is refused, at row {@code row} and column {@code col} of its rows of characters (both from 1;
 * 0 when the error is about the whole grid or row).
 */
public record LayoutError(int row, int col, String reason) {

    @Override
    public String toString() {
        return "row " + row + ", column " + col + ": " + reason;
    }
}
