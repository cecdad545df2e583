package dev.marquee.launcher.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A generated catalog, as a zip of the import's CSV sheets: one merchant; cinemas of 10 halls (by default 150 seats of
 * every type each, one hall per 100 screenings; the steady bench gives its own halls and rows); 20 movies, each
 * licensed to every cinema; screenings spread over the halls, five a day, never overlapping; and accounts (a few
 * staff, the rest customers), the first {@code passwords} of them with a password. Codes and phones carry
 * {@code run}, so that each generated catalog is new to the order-api.
 *
 * @param rows hall h's rows, as the import's grid strings ({@code S} a standard seat, {@code _} an aisle)
 */
record ImportBenchCatalog(String run, int screenings, int accounts, int passwords, int halls,
                          IntFunction<String[]> rows) {

    static final int HALLS_PER_CINEMA = 10;
    static final int MOVIES = 20;
    static final int STAFF = 50;
    private static final String[] GRID = {"WC_SSSSSSSSSSSS_CW", "SSSS_SSSSSSSSSS_SSSS", "SSSS_SSSSSSSSSS_SSSS",
            "SSSS_SSSSSSSSSS_SSSS", "SSSS_SSSSSSSSSS_SSSS", "SSSS_SSSSSSSSSS_SSSS", "SSSS_SSSSSSSSSS_SSSS",
            "SSSS_SSSSSSSSSS_SSSS", "LLLL_LLLLLLLLLL_LLLL"};

    /** The import bench's catalog: a hall of 150 seats (every type) per 100 screenings. */
    ImportBenchCatalog(String run, int screenings, int accounts, int passwords) {
        this(run, screenings, accounts, passwords, Math.max(1, (screenings + 99) / 100), h -> GRID);
    }

    int cinemas() {
        return (halls() + HALLS_PER_CINEMA - 1) / HALLS_PER_CINEMA;
    }

    byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, "merchants.csv", "code,name\nbm-" + run + ",Bench Pictures " + run + "\n");
            add(zip, "cinemas.csv", cinemaSheet());
            add(zip, "movies.csv", movieSheet());
            add(zip, "halls.csv", hallSheet());
            add(zip, "licences.csv", licenceSheet());
            add(zip, "screenings.csv", screeningSheet());
            add(zip, "accounts.csv", accountSheet());
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private String cinemaSheet() {
        StringBuilder csv = new StringBuilder("code,merchant,name,city,address,latitude,longitude\n");
        for (int c = 0; c < cinemas(); c++) {
            csv.append("bc-%s-%d,bm-%s,Bench %d,%s,%d Bench Road,%.4f,%.4f\n".formatted(run, c, run, c,
                    c % 2 == 0 ? "Shanghai" : "Beijing", c + 1, 31.0 + c * 0.01, 121.0 + c * 0.01));
        }
        return csv.toString();
    }

    private String movieSheet() {
        StringBuilder csv = new StringBuilder("code,title,duration_minutes,opening_day,format,status\n");
        for (int m = 0; m < MOVIES; m++) {
            csv.append("bf-%s-%d,Bench Movie %d,%d,%s,2D,SHOWING\n".formatted(run, m, m, 90 + m * 3, LocalDate.now()));
        }
        return csv.toString();
    }

    private String hallSheet() {
        StringBuilder csv = new StringBuilder("cinema,name,row\n");
        for (int h = 0; h < halls(); h++) {
            for (String row : rows.apply(h)) {
                csv.append("bc-%s-%d,Hall %d,%s\n".formatted(run, h / HALLS_PER_CINEMA, h % HALLS_PER_CINEMA, row));
            }
        }
        return csv.toString();
    }

    private String licenceSheet() {
        StringBuilder csv = new StringBuilder("cinema,movie,valid_from,valid_to\n");
        for (int c = 0; c < cinemas(); c++) {
            for (int m = 0; m < MOVIES; m++) {
                csv.append("bc-%s-%d,bf-%s-%d,%s,%s\n".formatted(run, c, run, m, LocalDate.now(),
                        LocalDate.now().plusDays(400)));
            }
        }
        return csv.toString();
    }

    /** Hall by hall, five screenings a day three hours apart (the longest movie plus turnaround is 177 minutes). */
    private String screeningSheet() {
        StringBuilder csv = new StringBuilder("cinema,hall,movie,starts_at,currency,standard,wheelchair,companion,"
                + "love_seat\n");
        LocalDateTime first = LocalDate.now().plusDays(1).atTime(10, 0);
        for (int i = 0; i < screenings; i++) {
            int hall = i % halls();
            int slot = i / halls();
            LocalDateTime startsAt = first.plusDays(slot / 5).plusHours(3L * (slot % 5));
            csv.append("bc-%s-%d,Hall %d,bf-%s-%d,%s,CNY,6000,4500,4500,8000\n".formatted(run,
                    hall / HALLS_PER_CINEMA, hall % HALLS_PER_CINEMA, run, (i * 7) % MOVIES, startsAt));
        }
        return csv.toString();
    }

    private String accountSheet() {
        StringBuilder csv = new StringBuilder("phone,role,merchant,name,password\n");
        long base = 8615000000000L + Math.floorMod(run.hashCode(), 9_000L) * 100_000L;
        for (int a = 0; a < accounts; a++) {
            boolean staff = a < Math.min(STAFF, accounts / 10);
            csv.append("+%d,%s,%s,Bench %d,%s\n".formatted(base + a, staff ? "staff" : "customer",
                    staff ? "bm-" + run : "", a, a < passwords ? "bench password " + a : ""));
        }
        return csv.toString();
    }
}
