package dev.marquee.orderapi.catalog.imports.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What the import read from a workbook when it read with POI (its {@code WorkbookCells}, kept here word for word as
 * the reference), for comparing our reader with it. One difference on purpose: a formula cell reads as its cached
 * value ({@code setUseCachedValuesForFormulaCells}); POI's formatter without an evaluator gave the formula's text.
 */
final class PoiReading {

    private PoiReading() {
    }

    static List<WorkbookSheet> read(byte[] xlsx) throws IOException {
        DataFormatter formatter = new DataFormatter();
        formatter.setUseCachedValuesForFormulaCells(true);
        List<WorkbookSheet> sheets = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                List<WorkbookRow> rows = new ArrayList<>();
                for (Row row : sheet) {
                    SortedMap<Integer, String> cells = new TreeMap<>();
                    for (Cell cell : row) {
                        cells.put(cell.getColumnIndex(), text(cell, formatter));
                    }
                    rows.add(new WorkbookRow(row.getRowNum() + 1, cells));
                }
                sheets.add(new WorkbookSheet(sheet.getSheetName(), rows));
            }
        }
        return sheets;
    }

    /** The import's cell text before, as it was. */
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

    static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        workbook.write(bytes);
        return bytes.toByteArray();
    }
}
