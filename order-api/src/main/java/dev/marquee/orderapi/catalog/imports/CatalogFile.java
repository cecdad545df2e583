package dev.marquee.orderapi.catalog.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The sheets of a catalog file: an {@code .xlsx} workbook (one sheet per kind, named like {@link Sheet}), a zip of
 * {@code .csv} files named like the sheets, or one {@code .csv} file. The first line of every sheet names its
 * columns; a sheet or column this import does not know is an error, a missing sheet simply has no rows.
 */
final class CatalogFile {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private final Map<Sheet, List<SheetRow>> rows = new EnumMap<>(Sheet.class);
    private final List<RowError> errors = new ArrayList<>();

    private CatalogFile() {
    }

    /** @param name the file's name, for a single {@code .csv} (which sheet it is); may be null for zips */
    static CatalogFile read(String name, byte[] content) throws IOException {
        CatalogFile file = new CatalogFile();
        if (isZip(content)) {
            if (isWorkbook(content)) {
                file.readWorkbook(content);
            } else {
                file.readCsvZip(content);
            }
        } else {
            file.readCsv(name == null ? "" : name, new ByteArrayInputStream(content));
        }
        return file;
    }

    List<SheetRow> rows(Sheet sheet) {
        return rows.getOrDefault(sheet, List.of());
    }

    /** Sheets or columns the file has that the import does not know. */
    List<RowError> errors() {
        return errors;
    }

    int size() {
        return rows.values().stream().mapToInt(List::size).sum();
    }

    private static boolean isZip(byte[] content) {
        return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static boolean isWorkbook(byte[] content) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("[Content_Types].xml")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void readCsvZip(byte[] content) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory() && entry.getName().toLowerCase().endsWith(".csv")) {
                    readCsv(entry.getName(), new ByteArrayInputStream(zip.readAllBytes()));
                }
            }
        }
    }

    private void readCsv(String name, InputStream in) throws IOException {
        Sheet sheet = Sheet.named(name).orElse(null);
        if (sheet == null) {
            errors.add(new RowError(name, 0, "no such sheet; the sheets are " + sheetNames()));
            return;
        }
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        try (CSVParser parser = CSV.parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().map(CatalogFile::column).toList();
            if (!checkHeader(sheet, header)) {
                return;
            }
            List<SheetRow> lines = rows.computeIfAbsent(sheet, s -> new ArrayList<>());
            for (CSVRecord record : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    cells.put(header.get(i), record.get(i));
                }
                lines.add(new SheetRow(sheet, (int) record.getParser().getCurrentLineNumber(), cells));
            }
        }
    }

    private void readWorkbook(byte[] content) throws IOException {
        DataFormatter text = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            for (org.apache.poi.ss.usermodel.Sheet page : workbook) {
                Sheet sheet = Sheet.named(page.getSheetName()).orElse(null);
                if (sheet == null) {
                    errors.add(new RowError(page.getSheetName(), 0, "no such sheet; the sheets are " + sheetNames()));
                    continue;
                }
                Row first = page.getRow(page.getFirstRowNum());
                if (first == null) {
                    continue;
                }
                List<String> header = new ArrayList<>();
                for (int c = 0; c < first.getLastCellNum(); c++) {
                    header.add(column(text.formatCellValue(first.getCell(c))));
                }
                if (!checkHeader(sheet, header)) {
                    continue;
                }
                List<SheetRow> lines = rows.computeIfAbsent(sheet, s -> new ArrayList<>());
                for (int r = first.getRowNum() + 1; r <= page.getLastRowNum(); r++) {
                    Row row = page.getRow(r);
                    if (row == null) {
                        continue;
                    }
                    Map<String, String> cells = new LinkedHashMap<>();
                    for (int c = 0; c < header.size(); c++) {
                        Cell cell = row.getCell(c);
                        if (cell != null) {
                            cells.put(header.get(c), WorkbookCells.text(cell, text));
                        }
                    }
                    if (cells.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                        lines.add(new SheetRow(sheet, r + 1, cells));
                    }
                }
            }
        }
    }

    private boolean checkHeader(Sheet sheet, List<String> header) {
        List<String> unknown = header.stream().filter(c -> !c.isEmpty() && !sheet.columns().contains(c)).toList();
        if (!unknown.isEmpty()) {
            errors.add(new RowError(sheet.label(), 1, "unknown column(s) " + unknown + "; the columns are "
                    + sheet.columns()));
            return false;
        }
        return true;
    }

    private static String column(String name) {
        return name == null ? "" : name.strip().toLowerCase().replace(' ', '_').replace("\uFEFF", "");
    }

    private static String sheetNames() {
        return java.util.Arrays.stream(Sheet.values()).map(Sheet::label).toList().toString();
    }
}
