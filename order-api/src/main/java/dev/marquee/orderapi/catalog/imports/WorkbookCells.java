package dev.marquee.orderapi.catalog.imports;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A workbook cell as the text a CSV file would hold: dates as ISO ({@code 2026-12-24}, {@code 2026-12-24T18:00}),
 * whole numbers without a decimal point, everything else as the sheet shows it.
 */
final class WorkbookCells {

    private WorkbookCells() {
    }

    static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                LocalDateTime at = cell.getLocalDateTimeCellValue();
                return at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString()
                        : at.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            }
            double value = cell.getNumericCellValue();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return Double.toString(value);
        }
        return formatter.formatCellValue(cell);
    }
}
