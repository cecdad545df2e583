package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.marquee.orderapi.account.DemoAccounts;
import dev.marquee.stack.EmbeddedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./marquee import catalog} against the running pipeline's order-api: twice, a bad file, a dry run. */
class CatalogImportIT {

    static String url;

    @TempDir
    Path dir;

    /** The command's exit code and what it printed. */
    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() {
        url = "http://127.0.0.1:" + SharedPipeline.get().port("order-api");
    }

    static Run run(Path file, String... options) {
        ImportCommand.Catalog command = new ImportCommand.Catalog();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        List<String> args = new java.util.ArrayList<>(List.of(file.toString(), "--url", url, "--token",
                SignedIn.operator().token()));
        args.addAll(List.of(options));
        int exit = new CommandLine(command).execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A small catalog with codes nobody else uses: a merchant, cinema, movie, hall, licence, 2 screenings, 2 accounts. */
    Path catalog(String suffix, String extraScreening) throws IOException {
        LocalDate day = LocalDate.now().plusDays(20);
        long phone = 8613900000000L + ThreadLocalRandom.current().nextLong(99_999_999L);
        Map<String, String> sheets = Map.of(
                "merchants.csv", "code,name\nm-" + suffix + ",Import Pictures\n",
                "cinemas.csv", "code,merchant,name,city,address,latitude,longitude\n"
                        + "c-" + suffix + ",m-" + suffix + ",Import One,Hangzhou,1 Lake Road,30.2741,120.1551\n",
                "movies.csv", "code,title,duration_minutes,opening_day,format,status\n"
                        + "f-" + suffix + ",Imported,100," + day + ",IMAX,coming_soon\n",
                "halls.csv", "cinema,name,row\nc-" + suffix + ",Hall 9,WC_SS\nc-" + suffix + ",Hall 9,SS_LL\n",
                "licences.csv", "cinema,movie,valid_from,valid_to\nc-" + suffix + ",f-" + suffix + "," + day + ","
                        + day.plusDays(30) + "\n",
                "screenings.csv", "cinema,hall,movie,starts_at,currency,standard,wheelchair,companion,love_seat\n"
                        + "c-" + suffix + ",Hall 9,f-" + suffix + "," + day + "T14:00,CNY,4500,3000,3000,8000\n"
                        + "c-" + suffix + ",Hall 9,f-" + suffix + "," + day + "T18:00,CNY,5000,3000,3000,9000\n"
                        + extraScreening,
                "accounts.csv", "phone,role,merchant,name,password\n+" + phone + ",staff,m-" + suffix
                        + ",Ann,a long staff password\n+" + (phone + 1) + ",customer,,Bo,\n");
        Path files = Files.createDirectories(dir.resolve("catalog-" + suffix));
        for (Map.Entry<String, String> sheet : sheets.entrySet()) {
            Files.writeString(files.resolve(sheet.getKey()), sheet.getValue());
        }
        return files;
    }

    static String suffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() throws Exception {
        String s = suffix();
        Path file = catalog(s, "");
        long events = Api.records("catalog-events");

        Run first = run(file);

        assertThat(first.exit()).as(first.err() + first.out()).isZero();
        assertThat(first.out()).contains("{\"sheet\":\"screenings\",\"inserted\":2,\"updated\":0,\"unchanged\":0}");
        assertThat(Api.query("SELECT s.status, COUNT(*) FROM screening s JOIN hall h ON h.id = s.hall_id JOIN cinema c"
                + " ON c.id = h.cinema_id WHERE c.code = 'c-" + s + "' GROUP BY s.status")).containsExactly("ON_SALE=2");
        assertThat(Api.count("SELECT COUNT(*) FROM hall_seat s JOIN hall h ON h.id = s.hall_id JOIN cinema c"
                + " ON c.id = h.cinema_id WHERE c.code = 'c-" + s + "'")).isEqualTo(8);
        assertThat(Api.count("SELECT COUNT(*) FROM screening_price p JOIN screening s ON s.id = p.screening_id JOIN hall h"
                + " ON h.id = s.hall_id JOIN cinema c ON c.id = h.cinema_id WHERE c.code = 'c-" + s + "'")).isEqualTo(8);
        assertThat(Api.query("SELECT a.role, a.password_hash IS NULL FROM account a JOIN merchant m ON m.id = a.merchant_id"
                + " WHERE m.code = 'm-" + s + "'")).containsExactly("STAFF=0");
        String before = fingerprint(s);
        // published in the chunks' transactions: the cinema, the hall's layout, the movie, the licence, two screenings
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.records("catalog-events") == events + 6);

        Run second = run(file);

        assertThat(second.exit()).as(second.err() + second.out()).isZero();
        assertThat(second.out()).contains("\"changed\":false")
                .contains("{\"sheet\":\"screenings\",\"inserted\":0,\"updated\":0,\"unchanged\":2}")
                .contains("{\"sheet\":\"accounts\",\"inserted\":0,\"updated\":0,\"unchanged\":2}");
        assertThat(fingerprint(s)).isEqualTo(before);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> Api.records("catalog-events") == events + 6);
    }

    /**
     * An import and a staff member scheduling over HTTP race for the same slot of a hall: both are let go while
     * the hall's row is locked here, staff first, once each waits on it (the import has validated its file by then,
     * before the staff's screening existed). Exactly one screening holds the slot, and the loser says
     * screening-overlap: the import locks the hall as the HTTP path does before it checks and writes.
     */
    @Test
    void anImportRacingStaffSchedulingTheSameSlotCannotCreateAnOverlap() throws Exception {
        String s = suffix();
        Run first = run(catalog(s, ""));
        assertThat(first.exit()).as(first.err() + first.out()).isZero();
        long hall = Api.count("SELECT h.id FROM hall h JOIN cinema c ON c.id = h.cinema_id WHERE c.code = 'c-" + s + "'");
        long merchant = Api.count("SELECT id FROM merchant WHERE code = 'm-" + s + "'");
        long movie = Api.count("SELECT id FROM movie WHERE code = 'f-" + s + "'");
        LocalDate day = LocalDate.now().plusDays(21);
        Path withSlot = catalog(s, "c-" + s + ",Hall 9,f-" + s + "," + day + "T10:00,CNY,4500,3000,3000,8000\n");
        Instant staffStart = day.atTime(10, 30).atZone(ZoneId.systemDefault()).toInstant();
        String staffBody = "{\"movieId\":" + movie + ",\"startsAt\":\"" + staffStart + "\",\"currency\":\"CNY\","
                + "\"prices\":{\"STANDARD\":5000,\"WHEELCHAIR\":3000,\"COMPANION\":3000,\"LOVE_SEAT\":9000}}";
        SignedIn staff = SignedIn.staff(merchant);
        ExecutorService two = Executors.newFixedThreadPool(2);
        EmbeddedStack stack = EmbeddedStack.shared();
        try (Connection lock = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword())) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.executeQuery("SELECT id FROM hall WHERE id = " + hall + " FOR UPDATE").close();
            }
            Future<HttpResponse<String>> scheduled = two.submit(() -> staff.post("/api/halls/" + hall + "/screenings",
                    staffBody));
            awaitWaiting(lock, 1);
            Future<Run> imported = two.submit(() -> run(withSlot));
            awaitWaiting(lock, 2);
            lock.rollback();

            HttpResponse<String> answer = scheduled.get(60, TimeUnit.SECONDS);
            Run run = imported.get(60, TimeUnit.SECONDS);
            assertThat(Api.count("SELECT COUNT(*) FROM screening WHERE hall_id = " + hall + " AND status <> 'CANCELLED'"
                    + " AND starts_at < '" + day + " 12:00:00' AND ends_at > '" + day + " 10:00:00'"))
                    .as("screenings in the slot; staff: %s; import: %s %s", answer.body(), run.out(), run.err())
                    .isEqualTo(1);
            if (answer.statusCode() == 201) {
                assertThat(run.out() + run.err()).contains("screening-overlap");
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
                assertThat(answer.body()).contains("screening-overlap");
                assertThat(run.exit()).as(run.err() + run.out()).isZero();
            }
        } finally {
            two.shutdownNow();
        }
    }

    /** Until {@code n} other statements have waited on a lock for a while (this connection holds the hall's). */
    private static void awaitWaiting(Connection lock, int n) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Statement st = lock.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM"
                    + " information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND COMMAND = 'Query'"
                    + " AND TIME_MS > 300 AND (INFO LIKE '%hall%' OR INFO LIKE '%screening%')")) {
                rs.next();
                return rs.getInt(1) >= n;
            }
        });
    }

    /** Everything the import wrote for this catalog, ids included. */
    static String fingerprint(String s) throws Exception {
        String where = " WHERE c.code = 'c-" + s + "'";
        return String.join("\n", List.of(
                String.join(",", Api.query("SELECT CONCAT_WS('|', c.id, c.name, c.latitude, m.id, m.name) FROM cinema c"
                        + " JOIN merchant m ON m.id = c.merchant_id" + where)),
                String.join(",", Api.query("SELECT CONCAT_WS('|', h.id, h.current_layout, s.layout_version, s.label,"
                        + " s.seat_type, s.pair_label) FROM hall_seat s JOIN hall h ON h.id = s.hall_id JOIN cinema c"
                        + " ON c.id = h.cinema_id" + where + " ORDER BY 1")),
                String.join(",", Api.query("SELECT CONCAT_WS('|', s.id, s.starts_at, s.ends_at, p.seat_type, p.amount_minor)"
                        + " FROM screening s JOIN screening_price p ON p.screening_id = s.id JOIN hall h ON h.id = s.hall_id"
                        + " JOIN cinema c ON c.id = h.cinema_id" + where + " ORDER BY 1")),
                String.join(",", Api.query("SELECT CONCAT_WS('|', a.id, a.phone, a.password_hash, a.permissions) FROM account a"
                        + " JOIN merchant m ON m.id = a.merchant_id WHERE m.code = 'm-" + s + "'"))));
    }

    @Test
    void aFileWithABadLineWritesNothingAndSaysWhereAndWhy() throws Exception {
        String s = suffix();
        String day = LocalDate.now().plusDays(20).toString();
        Path file = catalog(s, "c-" + s + ",Hall 9,f-" + s + "," + day + "T15:00,CNY,4500,3000,3000,\n");

        Run bad = run(file);

        assertThat(bad.exit()).as(bad.err() + bad.out()).isEqualTo(1);
        assertThat(bad.err()).contains("1 line(s) refused; nothing was written")
                .contains("screenings line 4: screening-overlap: overlaps the screening of Hall 9 at " + day + "T14:00")
                .contains("screenings line 4: price-missing: no love_seat price, and the hall has such seats");
        assertThat(Api.count("SELECT COUNT(*) FROM merchant WHERE code = 'm-" + s + "'")).isZero();
        assertThat(Api.count("SELECT COUNT(*) FROM movie WHERE code = 'f-" + s + "'")).isZero();

        Run skipping = run(file, "--skip-invalid");

        assertThat(skipping.exit()).as(skipping.err() + skipping.out()).isZero();
        assertThat(skipping.out()).contains("screenings line 4: screening-overlap");
        assertThat(Api.count("SELECT COUNT(*) FROM screening s JOIN movie m ON m.id = s.movie_id WHERE m.code = 'f-"
                + s + "'")).isEqualTo(2);
    }

    @Test
    void aDryRunCountsAndWritesNothing() throws Exception {
        String s = suffix();

        Run dry = run(catalog(s, ""), "--dry-run");

        assertThat(dry.exit()).as(dry.err() + dry.out()).isZero();
        assertThat(dry.out()).contains("dry run, nothing written")
                .contains("{\"sheet\":\"merchants\",\"inserted\":1,\"updated\":0,\"unchanged\":0}")
                .contains("{\"sheet\":\"screenings\",\"inserted\":2,\"updated\":0,\"unchanged\":0}");
        assertThat(Api.count("SELECT COUNT(*) FROM merchant WHERE code = 'm-" + s + "'")).isZero();
        assertThat(Api.count("SELECT COUNT(*) FROM cinema WHERE code = 'c-" + s + "'")).isZero();
    }

    @Test
    void anXlsxWorkbookIsReadAndAnXlsOrPasswordProtectedOneIsUnreadable() throws Exception {
        String s = suffix();
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        parts.put("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + relationships + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        parts.put("xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + relationships + "\"><sheets>"
                + "<sheet name=\"merchants\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\"><Relationship Id=\"rId1\" Type=\"" + relationships + "/worksheet\" "
                + "Target=\"worksheets/sheet1.xml\"/></Relationships>");
        parts.put("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + main + "\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>code</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>m-" + s + "</t></is></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><t>Workbook Pictures</t></is></c></row></sheetData></worksheet>");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(xlsx)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Path workbook = Files.write(dir.resolve("catalog.xlsx"), xlsx.toByteArray());
        Path xls = Files.write(dir.resolve("catalog.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0});

        Run read = run(workbook, "--dry-run");
        Run refused = run(xls);

        assertThat(read.exit()).as(read.err() + read.out()).isZero();
        assertThat(read.out()).contains("{\"sheet\":\"merchants\",\"inserted\":1,\"updated\":0,\"unchanged\":0}");
        assertThat(refused.exit()).as(refused.err() + refused.out()).isEqualTo(2);
        assertThat(refused.err()).contains("import: 400 import-unreadable: ")
                .contains(".xls workbook or a password-protected one");
        assertThat(Api.count("SELECT COUNT(*) FROM merchant WHERE code = 'm-" + s + "'")).isZero();
    }

    @Test
    void theDemoCatalogIsImportedWithTheIdsTestsAndBenchesNameAndImportingItAgainChangesNothing() throws Exception {
        SharedPipeline.get();

        assertThat(Api.query("SELECT CONCAT_WS('|', h.id, c.code, h.name, COUNT(*)) FROM hall h JOIN cinema c"
                + " ON c.id = h.cinema_id JOIN hall_seat s ON s.hall_id = h.id WHERE h.id IN (1, 2) GROUP BY h.id"
                + " ORDER BY h.id")).containsExactly("1|cinema-1|Hall 1|104", "2|cinema-1|Hall 2 (premiere)|300");
        assertThat(Api.query("SELECT CONCAT_WS('|', s.id, s.hall_id, m.code, TIME_FORMAT(s.starts_at, '%H:%i'),"
                + " DATEDIFF(s.starts_at, CURRENT_DATE), s.status) FROM screening s JOIN movie m ON m.id = s.movie_id"
                + " WHERE s.id <= 4 ORDER BY s.id")).containsExactly("1|1|movie-1|18:00|1|ON_SALE",
                "2|1|movie-3|14:00|1|ON_SALE", "3|2|movie-2|20:00|1|ON_SALE", "4|2|movie-2|20:00|2|ON_SALE");
        assertThat(Api.query("SELECT CONCAT_WS('|', m.id, m.code) FROM merchant m WHERE m.id = 1"))
                .containsExactly("1|merchant-1");
        assertThat(Api.query("SELECT city, COUNT(*) FROM cinema WHERE code IN ('cinema-1', 'marquee-jingan',"
                + " 'silver-sanlitun', 'silver-westlake') GROUP BY city ORDER BY city"))
                .containsExactly("Beijing=1", "Hangzhou=1", "Shanghai=2");
        assertThat(Api.query("SELECT merchant_id FROM account WHERE phone = '" + DemoAccounts.STAFF + "'"))
                .as("the demo's staff member, seeded once the import brought the merchant").containsExactly("1");
        assertThat(Api.query("SELECT CONCAT_WS('|', hall_id, layout_version) FROM allocator_hall WHERE hall_id IN"
                + " (1, 2) ORDER BY hall_id")).as("the allocator learnt the halls from catalog-events")
                .containsExactly("1|1", "2|1");
        String builtIn = demoCatalog();

        Run again = run(DemoCatalog.file());

        assertThat(again.exit()).as(again.err() + again.out()).isZero();
        assertThat(again.out()).contains("\"changed\":false");
        assertThat(demoCatalog()).isEqualTo(builtIn);
    }

    /** Halls 1 and 2 and screenings 1 to 4, which the tests and benches use, as they are. */
    static String demoCatalog() throws Exception {
        return String.join("\n", List.of(
                String.join(",", Api.query("SELECT CONCAT_WS('|', hall_id, layout_version, label, row_label, grid_row,"
                        + " grid_col, seat_type, pair_label) FROM hall_seat WHERE hall_id IN (1, 2) ORDER BY 1")),
                String.join(",", Api.query("SELECT CONCAT_WS('|', h.id, h.name, h.current_layout) FROM hall h"
                        + " WHERE h.id IN (1, 2) ORDER BY 1")),
                String.join(",", Api.query("SELECT CONCAT_WS('|', s.id, s.hall_id, s.movie_id, s.starts_at, s.ends_at,"
                        + " s.status, p.seat_type, p.amount_minor) FROM screening s JOIN screening_price p"
                        + " ON p.screening_id = s.id WHERE s.id <= 4 ORDER BY 1"))));
    }
}
