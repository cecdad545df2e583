package dev.marquee.orderapi.catalog.imports.xlsx;

/**
 * What an uploaded workbook may hold before it is refused, so that a small hostile file (a zip bomb, a million empty
 * rows, a cell at column 16,385) costs a bounded amount of memory and time. The defaults ({@link #DEFAULT}) and why:
 * <ul>
 *   <li>{@code bytes} 128 MB unpacked, all entries together: sheet XML takes about 50 bytes a cell (measured on a
 *       workbook POI wrote), so a workbook within the cell limit takes about 50 MB, and parsing 128 MB costs a few
 *       seconds of one core;</li>
 *   <li>{@code entries} 10,000 zip entries: a workbook has a few dozen parts;</li>
 *   <li>{@code cells} 1,000,000 cells (and as many shared strings), all sheets together: about seven times the
 *       bench's large catalog (10,000 screenings and 10,000 accounts, about 150,000 cells), and under 100 MB of heap
 *       once read (about 75 bytes a cell, measured);</li>
 *   <li>{@code rows} 1,048,576 rows, all sheets together, which is also the highest row number Excel has.</li>
 * </ul>
 * Columns end at XFD (16,384), as in Excel.
 */
public record Limits(long bytes, int entries, int cells, int rows) {

    public static final Limits DEFAULT = new Limits(128L * 1024 * 1024, 10_000, 1_000_000, 1_048_576);

    /** The last column a cell reference may name (XFD). */
    static final int COLUMNS = 16_384;

    /** The largest row number a sheet may have. */
    static final int ROW_NUMBERS = 1_048_576;
}
