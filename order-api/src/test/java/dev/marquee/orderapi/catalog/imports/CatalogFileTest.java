package dev.marquee.orderapi.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** What kind of file a catalog file is, and what is refused before any line is read. */
class CatalogFileTest {

    @Test
    void aWorkbookWithRealDateAndTimeCellsReadsLikeTheCsvFiles() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat((short) 14);
            CellStyle minute = workbook.createCellStyle();
            minute.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            for (Map.Entry<String, String> sheet : CatalogValidationTest.GOOD.entrySet()) {
                XSSFSheet page = workbook.createSheet(sheet.getKey());
                page.createRow(0).createCell(3).setCellStyle(day); // a row kept for its format only, above the header
                String[] lines = sheet.getValue().split("\n");
                for (int r = 0; r < lines.length; r++) {
                    Row row = page.createRow(r + 2); // rows above the header: lines keep their numbers
                    String[] cells = lines[r].split(",", -1);
                    for (int c = 0; c < cells.length; c++) {
                        if (cells[c].isEmpty()) {
                            continue; // a gap, as a sheet has it
                        }
                        Cell cell = row.createCell(c);
                        if (r > 0 && cells[c].matches("\\d{4}-\\d\\d-\\d\\d")) {
                            cell.setCellValue(LocalDate.parse(cells[c]));
                            cell.setCellStyle(day);
                        } else if (r > 0 && cells[c].matches("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d")) {
                            cell.setCellValue(LocalDateTime.parse(cells[c].replace(' ', 'T')));
                            cell.setCellStyle(minute);
                        } else if (r > 0 && cells[c].matches("-?\\d+(\\.\\d+)?")) {
                            cell.setCellValue(Double.parseDouble(cells[c]));
                        } else {
                            cell.setCellValue(cells[c]);
                        }
                    }
                }
            }
            workbook.createSheet("popcorn").createRow(0).createCell(0).setCellValue("flavour");
            workbook.write(bytes);
        }

        CatalogFile file = CatalogFile.read("catalog.xlsx", bytes.toByteArray());
        CatalogValidation.Result fromWorkbook = new CatalogValidation(KnownCatalog.NONE, Duration.ofMinutes(30))
                .check(file);

        assertThat(fromWorkbook.errors()).extracting(RowError::toString)
                .containsExactly("popcorn line 0: no such sheet; the sheets are [merchants, cinemas, movies, halls,"
                        + " licences, screenings, accounts]");
        assertThat(fromWorkbook.lines()).isEqualTo(CatalogValidationTest.check(CatalogValidationTest.GOOD).lines());
        assertThat(file.rows(Sheet.SCREENINGS)).extracting(SheetRow::line).containsExactly(4, 5);
        assertThat(file.rows(Sheet.SCREENINGS).getFirst().get("starts_at")).isEqualTo("2026-12-24T14:00:00");
        assertThat(file.rows(Sheet.LICENCES).getFirst().get("valid_from")).isEqualTo("2026-12-01");
    }

    @Test
    void anXlsOrAPasswordProtectedWorkbookIsUnreadableAndSaysSo() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};

        assertThatThrownBy(() -> CatalogFile.read("catalog.xlsx", ole2)).isInstanceOf(IOException.class)
                .hasMessageContaining(".xls workbook or a password-protected one");
        assertThatThrownBy(() -> CatalogFile.read("catalog.xlsx", "code,name\n".getBytes()))
                .isInstanceOf(IOException.class).hasMessage("catalog.xlsx is not an .xlsx workbook (not a zip archive)");
    }

    @Test
    void aZipOfCsvFilesThatUnpacksPastTheLimitIsUnreadable() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("merchants.csv"));
            zip.write("code,name\n".getBytes());
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 130; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(1024 * 1024);

        assertThatThrownBy(() -> CatalogFile.read("catalog.zip", bytes.toByteArray())).isInstanceOf(IOException.class)
                .hasMessage("the archive unpacks to more than 128 MB");
    }
}
