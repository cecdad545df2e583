package dev.marquee.orderapi.catalog.imports.xlsx;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * A workbook cell as the text a CSV file would hold, as the import read cells with POI before: dates as ISO
 * ({@code 2026-12-24}, {@code 2026-12-24T18:00:00}; a time alone is a time on 1899-12-31, as POI read it), whole numbers
 * without a decimal point, other numbers as Java prints a double, booleans {@code TRUE}/{@code FALSE}, errors as
 * shown ({@code #DIV/0!}), strings as they are. A formula cell reads as its last computed value.
 */
final class WorkbookCells {

    private final List<String> sharedStrings;
    private final boolean[] dateStyles;
    private final boolean date1904;

    WorkbookCells(List<String> sharedStrings, boolean[] dateStyles, boolean date1904) {
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
        this.date1904 = date1904;
    }

    String text(WorksheetXml.RawCell cell) throws IOException {
        String value = cell.value();
        return switch (cell.kind()) {
            case "s" -> sharedString(value);
            case "inlineStr", "str", "e" -> value == null ? "" : PartsXml.unescape(value);
            case "b" -> "1".equals(value == null ? null : value.strip()) ? "TRUE" : "FALSE";
            case "d" -> value == null ? "" : isoDate(value.strip());
            default -> value == null || value.isBlank() ? "" : number(value.strip(), cell.style());
        };
    }

    private String sharedString(String index) throws IOException {
        if (index == null || index.isBlank()) {
            return "";
        }
        int i = PartsXml.integer(index, -1);
        if (i < 0 || i >= sharedStrings.size()) {
            throw new IOException("shared string " + index + " does not exist");
        }
        return sharedStrings.get(i);
    }

    private String number(String raw, int style) throws IOException {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IOException("'" + raw + "' is not a number");
        }
        if (style >= 0 && style < dateStyles.length && dateStyles[style] && DateFormats.isDay(value)) {
            return iso(DateFormats.dateTime(value, date1904));
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** A {@code t="d"} cell (strict OOXML): an ISO date or date and time already. */
    private static String isoDate(String value) {
        try {
            return value.contains("T") ? iso(LocalDateTime.parse(value)) : iso(LocalDate.parse(value).atStartOfDay());
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static String iso(LocalDateTime at) {
        return at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString()
                : at.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withLocale(Locale.ROOT));
    }
}
