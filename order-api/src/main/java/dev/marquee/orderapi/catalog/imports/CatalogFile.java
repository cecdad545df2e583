package dev.marquee.orderapi.catalog.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.marquee.orderapi.catalog.imports.xlsx.Limits;
import dev.marquee.orderapi.catalog.imports.xlsx.WorkbookRow;
import dev.marquee.orderapi.catalog.imports.xlsx.WorkbookSheet;
import dev.marquee.orderapi.catalog.imports.xlsx.XlsxWorkbook;
import dev.marquee.orderapi.catalog.imports.xlsx.ZipParts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The sheets of a catalog file: an {@code .xlsx} workbook (one sheet per kind, named like {@link Sheet}), a zip of
 * {@code .csv} files named like the sheets, or one {@code .csv} file. The first line of every sheet names its
 * columns; a sheet or column this import does not know is an error, a missing sheet simply has no rows. A zip
 * (workbook or CSV files) is unpacked within {@link Limits#DEFAULT}; an old {@code .xls} or a password-protected
 * workbook (both OLE2 files, not zips), or a non-zip named {@code .xlsx}, is unreadable.
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
        if (isOle2(content)) {
            throw new IOException("this is an .xls workbook or a password-protected one; save it as .xlsx without a"
                    + " password");
        }
        if (!isZip(content) && name != null && name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new IOException(name + " is not an .xlsx workbook (not a zip archive)");
        }
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

    /** The compound-file signature of Office's older formats: {@code .xls}, and every encrypted workbook. */
    private static boolean isOle2(byte[] content) {
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        return content.length >= signature.length
                && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }

    /** A workbook is a zip with {@code [Content_Types].xml}; a zip of CSV files has none. */
    private static boolean isWorkbook(byte[] content) throws IOException {
        return ZipParts.names(content, Limits.DEFAULT.entries()).contains("[Content_Types].xml");
    }

    private void readCsvZip(byte[] content) throws IOException {
        ZipParts.each(content, Limits.DEFAULT.bytes(), Limits.DEFAULT.entries(), (name, in) -> {
            if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                readCsv(name, new ByteArrayInputStream(in.readAllBytes()));
            }
        });
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
        for (WorkbookSheet page : XlsxWorkbook.read(content)) {
            Sheet sheet = Sheet.named(page.name()).orElse(null);
            if (sheet == null) {
                errors.add(new RowError(page.name(), 0, "no such sheet; the sheets are " + sheetNames()));
                continue;
            }
            // the header is the first row with text: rows above it that a sheet keeps only for their format are not
            List<WorkbookRow> pageRows = page.rows().stream().dropWhile(r -> r.cells().values().stream()
                    .allMatch(String::isBlank)).toList();
            if (pageRows.isEmpty()) {
                continue;
            }
            WorkbookRow first = pageRows.getFirst();
            List<String> header = new ArrayList<>();
            for (int c = 0; c < first.width(); c++) {
                header.add(column(first.cells().get(c)));
            }
            if (!checkHeader(sheet, header)) {
                continue;
            }
            List<SheetRow> lines = rows.computeIfAbsent(sheet, s -> new ArrayList<>());
            for (WorkbookRow row : pageRows.subList(1, pageRows.size())) {
                Map<String, String> cells = new LinkedHashMap<>();
                row.cells().headMap(header.size()).forEach((c, text) -> cells.put(header.get(c), text));
                if (cells.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                    lines.add(new SheetRow(sheet, row.number(), cells));
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
