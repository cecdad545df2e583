package dev.marquee.orderapi.catalog.imports.xlsx;

import java.util.SortedMap;

/**
 * One row of a sheet: its number as the sheet shows it (the first row is 1) and its cells by column (A is 0) as the
 * text a CSV file would hold ({@link WorkbookCells}); a column without a cell is absent, so a row may have gaps.
 */
public record WorkbookRow(int number, SortedMap<Integer, String> cells) {

    /** One past the last column that has a cell: 0 for a row without cells. */
    public int width() {
        return cells.isEmpty() ? 0 : cells.lastKey() + 1;
    }
}
