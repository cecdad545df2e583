package dev.marquee.orderapi.catalog.imports.xlsx;

import java.util.List;

/** A sheet of a workbook: its name as the tab shows it, and its rows that have a row element, in row order. */
public record WorkbookSheet(String name, List<WorkbookRow> rows) {
}
