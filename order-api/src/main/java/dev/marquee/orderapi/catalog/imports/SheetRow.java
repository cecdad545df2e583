package dev.marquee.orderapi.catalog.imports;

import java.util.Map;

/**
 * One line of a sheet: its cells by column name (blank cells absent), and where it is, for error messages.
 *
 * @param line the line as a spreadsheet or editor shows it: the header is line 1
 */
record SheetRow(Sheet sheet, int line, Map<String, String> cells) {

    /** The cell, stripped, or null when blank or absent. */
    String get(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
