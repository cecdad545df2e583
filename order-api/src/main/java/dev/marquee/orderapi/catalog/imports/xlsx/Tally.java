package dev.marquee.orderapi.catalog.imports.xlsx;

import java.io.IOException;

/** Counts what one workbook's parts hold against its {@link Limits}, refusing the file at the first one passed. */
final class Tally {

    private final Limits limits;
    private int rows;
    private int cells;
    private int strings;

    Tally(Limits limits) {
        this.limits = limits;
    }

    void row() throws IOException {
        if (++rows > limits.rows()) {
            throw new IOException("the workbook has more than " + limits.rows() + " rows");
        }
    }

    void cell() throws IOException {
        if (++cells > limits.cells()) {
            throw new IOException("the workbook has more than " + limits.cells() + " cells");
        }
    }

    void sharedString() throws IOException {
        if (++strings > limits.cells()) {
            throw new IOException("the workbook has more than " + limits.cells() + " shared strings");
        }
    }
}
