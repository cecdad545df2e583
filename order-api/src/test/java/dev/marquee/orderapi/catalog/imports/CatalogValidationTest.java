package dev.marquee.orderapi.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.marquee.orderapi.catalog.GridSeat;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class CatalogValidationTest {

    static final Map<String, String> GOOD = Map.of(
            "merchants", "code,name\nacme,Acme Pictures\n",
            "cinemas", "code,merchant,name,city,address,latitude,longitude\n"
                    + "acme-1,acme,Acme One,Shanghai,1 Road,31.2304,121.4737\n",
            "movies", "code,title,duration_minutes,opening_day,format,status\nreel,The Reel,100,2026-12-01,2D,showing\n",
            "halls", "cinema,name,row\nacme-1,Hall A,WCS_SS\nacme-1,Hall A,SSS_SS\nacme-1,Hall A,LLS_LL\n",
            "licences", "cinema,movie,valid_from,valid_to\nacme-1,reel,2026-12-01,2027-01-31\n",
            "screenings", "cinema,hall,movie,starts_at,currency,standard,wheelchair,companion,love_seat\n"
                    + "acme-1,Hall A,reel,2026-12-24T14:00,CNY,4500,3000,3000,8000\n"
                    + "acme-1,Hall A,reel,2026-12-24 18:00,CNY,4500,3000,3000,8000\n",
            "accounts", "phone,role,merchant,name,password\n+8613800000001,staff,acme,Ann,\n+8613800000002,customer,,Bo,\n");

    static CatalogValidation.Result check(Map<String, String> sheets) throws IOException {
        return new CatalogValidation(KnownCatalog.NONE, Duration.ofMinutes(30))
                .check(CatalogFile.read("catalog.zip", csvZip(sheets)));
    }

    static byte[] csvZip(Map<String, String> sheets) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> sheet : sheets.entrySet()) {
                zip.putNextEntry(new ZipEntry("catalog/" + sheet.getKey() + ".csv"));
                zip.write(sheet.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, String> with(String sheet, String content) {
        java.util.HashMap<String, String> sheets = new java.util.HashMap<>(GOOD);
        sheets.put(sheet, content);
        return sheets;
    }

    @Test
    void aGoodFileHasNoErrorsAndTypedLines() throws IOException {
        CatalogValidation.Result result = check(GOOD);

        assertThat(result.errors()).isEmpty();
        CatalogLines lines = result.lines();
        assertThat(lines.size()).isEqualTo(1 + 1 + 1 + 1 + 1 + 2 + 2);
        assertThat(lines.halls().getFirst().seats()).hasSize(15)
                .extracting(GridSeat::label).startsWith("A1", "A2", "A3", "A4", "A5", "B1");
        assertThat(lines.halls().getFirst().seats()).filteredOn(s -> s.label().equals("C1"))
                .extracting(GridSeat::pairLabel).containsExactly("C2");
        assertThat(lines.screenings().get(1).startsAt()).hasToString("2026-12-24T18:00");
        assertThat(lines.accounts().getFirst().password()).isNull();
        assertThat(lines.movies().getFirst().status()).isEqualTo("SHOWING");
    }

    @Test
    void eachBadLineIsReportedWithSheetLineAndReason() throws IOException {
        Map<String, String> sheets = with("screenings",
                "cinema,hall,movie,starts_at,currency,standard,wheelchair,companion,love_seat\n"
                        + "acme-1,Hall A,reel,2026-12-24T14:00,CNY,4500,3000,3000,8000\n"
                        + "acme-1,Hall A,reel,2026-12-24T15:00,CNY,4500,3000,3000,8000\n"
                        + "acme-1,Hall A,reel,2027-03-01T15:00,CNY,4500,3000,3000,8000\n"
                        + "acme-1,Hall A,reel,2026-12-25T15:00,CNY,4500,3000,3000,\n"
                        + "acme-1,Hall Z,nope,tomorrow,cny,x,,,\n");

        CatalogValidation.Result result = check(sheets);

        assertThat(result.errors()).extracting(RowError::toString).containsExactly(
                "screenings line 3: screening-overlap: overlaps the screening of Hall A at 2026-12-24T14:00",
                "screenings line 4: outside-licence: 2027-03-01 is outside the licence 2026-12-01 to 2027-01-31",
                "screenings line 5: price-missing: no love_seat price, and the hall has such seats",
                "screenings line 6: starts_at 'tomorrow' is not a date and time (2026-12-24T18:00, or today+1 18:00)",
                "screenings line 6: standard 'x' is not a whole number of minor units (4500 for 45.00)",
                "screenings line 6: currency 'cny' is not an ISO 4217 code (CNY)",
                "screenings line 6: unknown hall Hall Z of cinema acme-1",
                "screenings line 6: unknown movie nope");
        assertThat(result.lines().screenings()).hasSize(1);
    }

    @Test
    void aRefusedLineRefusesTheLinesNamingIt() throws IOException {
        Map<String, String> sheets = with("cinemas", "code,merchant,name,city,address,latitude,longitude\n"
                + "acme-1,nobody,Acme One,Shanghai,1 Road,95,121.4\n");

        CatalogValidation.Result result = check(sheets);

        assertThat(result.errors()).extracting(RowError::toString).contains(
                "cinemas line 2: latitude 95 is out of range (±90)",
                "cinemas line 2: unknown merchant nobody",
                "halls line 2: unknown cinema acme-1",
                "licences line 2: unknown cinema acme-1");
        assertThat(result.errors()).filteredOn(e -> e.sheet().equals("screenings")).extracting(RowError::line)
                .containsOnly(2, 3);
        assertThat(result.lines().screenings()).isEmpty();
    }

    @Test
    void hallGridsAreValidated() throws IOException {
        Map<String, String> sheets = with("halls", "cinema,name,row\nacme-1,Hall A,SC_LS\nacme-1,Hall A,SXS\n"
                + "acme-1,Hall B,__..\n");

        CatalogValidation.Result result = check(sheets);

        assertThat(result.errors()).extracting(RowError::toString).contains(
                "halls line 4: layout-invalid: hall Hall B: row 0, column 0: the layout has no seat");
        assertThat(result.errors()).filteredOn(e -> e.line() == 2).extracting(RowError::reason)
                .anySatisfy(r -> assertThat(r).startsWith("layout-invalid: hall Hall A: row 2, column 2:"))
                .anySatisfy(r -> assertThat(r).startsWith("layout-invalid: hall Hall A: row 1, column 4:"))
                .anySatisfy(r -> assertThat(r).startsWith("layout-invalid: hall Hall A: row 1, column 2:"));
    }

    @Test
    void accountsNeedAPhoneARoleAndStaffAMerchant() throws IOException {
        Map<String, String> sheets = with("accounts", "phone,role,merchant,name,password\n"
                + "138000,staff,,Ann,short\n+8613800000002,admin,,Bo,\n+8613800000003,customer,acme,Cy,\n");

        CatalogValidation.Result result = check(sheets);

        assertThat(result.errors()).extracting(RowError::toString).containsExactly(
                "accounts line 2: phone '138000' is not E.164 (+8613800000000)",
                "accounts line 2: staff need a merchant",
                "accounts line 2: password must be 10 to 128 characters (or blank: the account signs in by SMS code)",
                "accounts line 3: role 'admin' is not one of " + CatalogValidation.ROLES,
                "accounts line 4: a customer has no merchant");
    }

    @Test
    void unknownSheetsAndColumnsAreErrors() throws IOException {
        Map<String, String> sheets = with("cinemas", "code,merchant,name,town\n");
        sheets.put("popcorn", "flavour\nsalted\n");

        CatalogValidation.Result result = check(sheets);

        assertThat(result.errors()).extracting(RowError::toString).anySatisfy(e -> assertThat(e)
                .startsWith("cinemas line 1: unknown column(s) [town]")).anySatisfy(e -> assertThat(e)
                .startsWith("catalog/popcorn.csv line 0: no such sheet"));
    }

    @Test
    void aWorkbookReadsLikeTheCsvFiles() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            for (Map.Entry<String, String> sheet : GOOD.entrySet()) {
                XSSFSheet page = workbook.createSheet(sheet.getKey());
                String[] lines = sheet.getValue().split("\n");
                for (int r = 0; r < lines.length; r++) {
                    String[] cells = lines[r].split(",", -1);
                    for (int c = 0; c < cells.length; c++) {
                        if (r > 0 && cells[c].matches("[0-9]+")) {
                            (page.getRow(r) == null ? page.createRow(r) : page.getRow(r)).createCell(c)
                                    .setCellValue(Double.parseDouble(cells[c]));
                        } else {
                            (page.getRow(r) == null ? page.createRow(r) : page.getRow(r)).createCell(c)
                                    .setCellValue(cells[c]);
                        }
                    }
                }
            }
            workbook.write(bytes);
        }

        CatalogValidation.Result fromWorkbook = new CatalogValidation(KnownCatalog.NONE, Duration.ofMinutes(30))
                .check(CatalogFile.read("catalog.xlsx", bytes.toByteArray()));

        assertThat(fromWorkbook.errors()).isEmpty();
        assertThat(fromWorkbook.lines()).isEqualTo(check(GOOD).lines());
    }
}
