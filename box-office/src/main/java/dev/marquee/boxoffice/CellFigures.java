package dev.marquee.boxoffice;

/** Revenue (minor units of the cell's currency) and tickets of one cell; in a delta, either may be negative. */
public record CellFigures(Cell cell, long revenueMinor, long tickets) {
}
