package dev.marquee.orderapi.catalog.imports.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Workbooks written by POI read as POI reads them (the import's reading before, {@link PoiReading}). */
class XlsxWorkbookTest {

    static final String[] FORMATS = {"yyyy-mm-dd", "yyyy-mm-dd hh:mm", "h:mm", "hh:mm:ss", "[$-409]d-mmm-yy;@",
            "[h]:mm:ss", "dd/mm/yyyy hh:mm:ss.000", "yyyy\"年\"m\"月\"d\"日\"", "m/d/yy h:mm AM/PM", "0.00", "#,##0",
            "0%", "@", "General", "[Red]0.0", "yyyy-mm-dd;[Red]0", "\"day\" 0", "mm:ss", "[DBNum1]yyyy-mm-dd",
            "[Blue]hh:mm", "d\\-mmm\\-yy", "0.00E+00", "[mm]", "[h] \"hours\"", "yy;@", "#,##0.00 \"kg\"",
            "dddd", "[$€-2] #,##0.00"};

    @Test
    void aWorkbookOfEveryKindOfCellReadsAsPoiReadsIt() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            strings(workbook);
            numbers(workbook.createSheet("numbers"));
            dates(workbook, workbook.createSheet("dates"));
            formulas(workbook);
            random(workbook, workbook.createSheet("random"), new Random(14));
            workbook.createSheet("empty");
            xlsx = PoiReading.bytes(workbook);
        }

        List<WorkbookSheet> ours = XlsxWorkbook.read(xlsx);

        assertThat(ours).isEqualTo(PoiReading.read(xlsx));
        assertThat(ours).extracting(WorkbookSheet::name)
                .containsExactly("strings", "numbers", "dates", "formulas", "random", "empty");
        assertThat(ours.getFirst().rows().getFirst().cells()).containsValues("plain", "Hello bold world", "  spaced  ");
        assertThat(ours.get(1).rows().getFirst().cells()).containsValues("42", "-7", "12.5", "TRUE", "FALSE");
        assertThat(ours.get(2).rows().getFirst().cells()).containsValues("2026-12-24", "2026-12-24T18:00:00",
                "1899-12-31T18:30:00", "46380");
        assertThat(ours.get(3).rows().getFirst().cells()).containsValues("3", "ab", "TRUE", "#DIV/0!", "2026-12-24");
        assertThat(ours.get(4).rows()).hasSizeGreaterThan(150);
    }

    @Test
    void inlineStringsAsSxssfWritesThemReadAsPoiReadsThem() throws IOException {
        byte[] xlsx;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(10)) {
            workbook.setCompressTempFiles(false);
            random(workbook, workbook.createSheet("inline"), new Random(7));
            dates(workbook, workbook.createSheet("dates"));
            xlsx = PoiReading.bytes(workbook);
            workbook.dispose();
        }
        assertThat(new String(xlsx, 0, 2)).isEqualTo("PK");

        List<WorkbookSheet> ours = XlsxWorkbook.read(xlsx);

        assertThat(ours).isEqualTo(PoiReading.read(xlsx));
        assertThat(ours.getFirst().rows()).hasSizeGreaterThan(150);
    }

    @Test
    void theDatesOf1904WorkbooksReadAsPoiReadsThem() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getCTWorkbook().getWorkbookPr().setDate1904(true);
            dates(workbook, workbook.createSheet("dates"));
            xlsx = PoiReading.bytes(workbook);
        }

        List<WorkbookSheet> ours = XlsxWorkbook.read(xlsx);

        assertThat(ours).isEqualTo(PoiReading.read(xlsx));
        assertThat(ours.getFirst().rows().getFirst().cells()).containsValues("2026-12-24T18:00:00", "1904-01-01T18:30:00",
                "2030-12-25");
    }

    @Test
    void dateFormatsAreThoseThatPoiTakesForDates() {
        for (String format : FORMATS) {
            assertThat(DateFormats.isDate(200, format)).as(format).isEqualTo(DateUtil.isADateFormat(200, format));
        }
        for (int id = 0; id < 50; id++) {
            String builtIn = BuiltinFormats.getBuiltinFormat(id);
            assertThat(DateFormats.isDate(id, null)).as("built-in %d %s", id, builtIn)
                    .isEqualTo(DateUtil.isADateFormat(id, builtIn));
        }
        assertThat(DateFormats.isDate(200, "yyyy-mm-dd")).isTrue();
        assertThat(DateFormats.isDate(200, "0.00")).isFalse();
    }

    @Test
    void dayNumbersAreTheDatesAndTimesPoiMakesOfThem() {
        Random random = new Random(1904);
        double[] edges = {0, 0.5, 1, 59, 59.999, 60, 60.25, 61, 61.75, 1e-9, 0.99999999, 46380.75, 2_958_465.5};
        for (boolean date1904 : new boolean[] {false, true}) {
            for (double day : edges) {
                assertThat(DateFormats.dateTime(day, date1904)).as("%s %s", day, date1904)
                        .isEqualTo(DateUtil.getLocalDateTime(day, date1904));
            }
            for (int i = 0; i < 5_000; i++) {
                double day = random.nextDouble() * 80_000;
                assertThat(DateFormats.dateTime(day, date1904)).as("%s %s", day, date1904)
                        .isEqualTo(DateUtil.getLocalDateTime(day, date1904));
            }
        }
    }

    private static void strings(XSSFWorkbook workbook) {
        Sheet sheet = workbook.createSheet("strings");
        XSSFRichTextString rich = new XSSFRichTextString("Hello bold world");
        XSSFFont bold = workbook.createFont();
        bold.setBold(true);
        rich.applyFont(6, 10, bold);
        Row first = sheet.createRow(0);
        first.createCell(0).setCellValue("plain");
        first.createCell(1).setCellValue(rich);
        first.createCell(3).setCellValue("  spaced  ");
        first.createCell(4).setCellValue("line\r\nbreak\ttab");
        first.createCell(5).setCellValue("影院 Кино café ✓");
        first.createCell(6).setCellValue("");
        first.createCell(7).setCellValue("plain"); // shared with A1
        first.createCell(8).setCellValue("<&>\"'");
        sheet.createRow(2).createCell(2).setCellValue("after an empty row");
        sheet.createRow(4); // a row element without cells
        Cell blank = sheet.createRow(5).createCell(9);
        blank.setCellStyle(workbook.createCellStyle()); // a blank cell with a style: present, empty
    }

    private static void numbers(Sheet sheet) {
        Row row = sheet.createRow(0);
        double[] values = {42, -7, 12.5, 0.1 + 0.2, 1e20, -0.0, 123456789012345.0, 1e-7, Math.PI};
        for (int c = 0; c < values.length; c++) {
            row.createCell(c * 2).setCellValue(values[c]);
        }
        row.createCell(30).setCellValue(true);
        row.createCell(31).setCellValue(false);
    }

    private static void dates(Workbook workbook, Sheet sheet) {
        Row row = sheet.createRow(0);
        int c = 0;
        row.createCell(c++).setCellValue(LocalDate.of(2026, 12, 24));
        for (String format : FORMATS) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            for (double value : new double[] {46380, 46380.75, 0.770833333333, -3, 1.5}) {
                Cell cell = row.createCell(c++);
                cell.setCellValue(value);
                cell.setCellStyle(style);
            }
        }
        for (short builtIn : new short[] {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 2, 10}) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(builtIn);
            Cell cell = row.createCell(c++);
            cell.setCellValue(46380.5208333333);
            cell.setCellStyle(style);
        }
        CellStyle dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        Cell cell = row.createCell(c);
        cell.setCellValue(LocalDateTime.of(2026, 12, 24, 18, 0));
        cell.setCellStyle(dateTime);
        Cell time = sheet.createRow(3).createCell(0);
        time.setCellValue(0.7708333333333334);
        time.setCellStyle(dateTime);
    }

    private static void formulas(XSSFWorkbook workbook) {
        Row row = workbook.createSheet("formulas").createRow(0);
        row.createCell(0).setCellFormula("1+2");
        row.createCell(1).setCellFormula("\"a\"&\"b\"");
        row.createCell(2).setCellFormula("1>0");
        row.createCell(3).setCellFormula("1/0");
        Cell date = row.createCell(4);
        date.setCellFormula("DATE(2026,12,24)");
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat((short) 14);
        date.setCellStyle(style);
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    /** Random cells of every kind in random places: strings (some repeated), numbers, dates, booleans, gaps. */
    private static void random(Workbook workbook, Sheet sheet, Random random) {
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        int r = 0;
        for (int i = 0; i < 200; i++) {
            r += 1 + (random.nextInt(10) == 0 ? random.nextInt(5) : 0);
            Row row = sheet.createRow(r);
            int c = -1;
            for (int n = random.nextInt(12); n > 0; n--) {
                c += 1 + random.nextInt(3);
                Cell cell = row.createCell(c);
                switch (random.nextInt(6)) {
                    case 0 -> cell.setCellValue("text " + random.nextInt(50));
                    case 1 -> cell.setCellValue(random.nextInt(100_000));
                    case 2 -> cell.setCellValue(random.nextDouble() * 1000 - 500);
                    case 3 -> {
                        cell.setCellValue(random.nextDouble() * 60_000);
                        cell.setCellStyle(date);
                    }
                    case 4 -> cell.setCellValue(random.nextBoolean());
                    default -> cell.setCellValue(" " + (char) ('a' + random.nextInt(26)) + " ");
                }
            }
        }
    }
}
