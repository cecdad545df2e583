package dev.marquee.launcher.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import dev.marquee.stack.EmbeddedStack;

/**
 * The steady bench's world: {@value #HALLS} halls of mixed sizes (two in five small, two in five medium, one in five
 * large: 60,000 seats in all), generated as an import catalog ({@link ImportBenchCatalog}), and the screenings on
 * them, chosen with Zipf popularity (screening of rank k drawn in proportion to 1/k): a few sell out, most stay quiet.
 */
final class SteadyCatalog {

    static final int HALLS = 200;
    /** Rows × seats of the three hall sizes: 120, 300 and 660 seats. */
    private static final int[][] SIZES = {{10, 12}, {15, 20}, {22, 30}};

    /** A screening on sale and its hall's seat labels. */
    record Screening(long id, List<String> seats) {
    }

    private final List<Screening> screenings;
    private final double[] cumulative;

    private SteadyCatalog(List<Screening> screenings) {
        this.screenings = screenings;
        this.cumulative = new double[screenings.size()];
        double sum = 0;
        for (int k = 0; k < screenings.size(); k++) {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        for (int k = 0; k < cumulative.length; k++) {
            cumulative[k] /= sum;
        }
    }

    /** The catalog to import: {@value #HALLS} halls, {@code screenings} screenings spread over them. */
    static ImportBenchCatalog generate(String run, int screenings) {
        return new ImportBenchCatalog(run, screenings, 0, 0, HALLS, SteadyCatalog::rows);
    }

    /** Hall h's rows: sizes cycle small, medium, small, medium, large. */
    static String[] rows(int hall) {
        int[] size = SIZES[switch (hall % 5) {
            case 0, 2 -> 0;
            case 1, 3 -> 1;
            default -> 2;
        }];
        String[] rows = new String[size[0]];
        Arrays.fill(rows, "S".repeat(size[1] / 2) + "_" + "S".repeat(size[1] - size[1] / 2));
        return rows;
    }

    static int seats() {
        int seats = 0;
        for (int h = 0; h < HALLS; h++) {
            seats += rows(h).length * (rows(h)[0].length() - 1);
        }
        return seats;
    }

    /** The imported catalog's screenings (merchant {@code bm-<run>}) in a random popularity order, with their seats. */
    static SteadyCatalog load(EmbeddedStack stack, String run, long seed) throws SQLException {
        Map<Long, List<String>> seatsOfHall = new HashMap<>();
        List<long[]> screeningHalls = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword())) {
            String merchant = "SELECT h.id FROM hall h JOIN cinema c ON c.id = h.cinema_id JOIN merchant m"
                    + " ON m.id = c.merchant_id WHERE m.code = ?";
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT hall_id, label, grid_row, grid_col"
                    + " FROM hall_seat WHERE hall_id IN (" + merchant + ") ORDER BY hall_id, grid_row, grid_col")) {
                s.setString(1, "bm-" + run);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        seatsOfHall.computeIfAbsent(rs.getLong(1), h -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT id, hall_id FROM screening WHERE hall_id IN ("
                    + merchant + ") ORDER BY id")) {
                s.setString(1, "bm-" + run);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        screeningHalls.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
        }
        List<Screening> screenings = new ArrayList<>();
        for (long[] sh : screeningHalls) {
            screenings.add(new Screening(sh[0], seatsOfHall.getOrDefault(sh[1], List.of())));
        }
        Collections.shuffle(screenings, new Random(seed));
        return new SteadyCatalog(screenings);
    }

    int size() {
        return screenings.size();
    }

    long seatsOnSale() {
        return screenings.stream().mapToLong(s -> s.seats().size()).sum();
    }

    /** A screening drawn by popularity. */
    Screening pick(SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return screenings.get(lo);
    }

    /** An order's body: half name 1–4 random seats of the hall, half ask for 1–4 best-available seats. */
    static String orderBody(Screening screening, SplittableRandom random) {
        int count = 1 + random.nextInt(4);
        if (random.nextBoolean() || screening.seats().isEmpty()) {
            return "{\"screeningId\":" + screening.id() + ",\"anySeats\":" + count + "}";
        }
        StringBuilder body = new StringBuilder("{\"screeningId\":" + screening.id() + ",\"seats\":[");
        int first = random.nextInt(screening.seats().size());
        for (int i = 0; i < count && first + i < screening.seats().size(); i++) {
            body.append(i == 0 ? "" : ",").append('"').append(screening.seats().get(first + i)).append('"');
        }
        return body.append("]}").toString();
    }
}
