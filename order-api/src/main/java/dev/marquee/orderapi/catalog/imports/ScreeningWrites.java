package dev.marquee.orderapi.catalog.imports;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.marquee.orderapi.catalog.imports.CatalogLines.Movie;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Screening;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Screenings by hall and start, put on sale with their hall's current layout, and their prices by screening and
 * seat type. A screening's end is its start plus the movie's duration plus the turnaround (advertising, cleaning).
 * The status of a screening already there is never changed (a cancelled one stays cancelled).
 */
record ScreeningWrites(JdbcTemplate jdbc, SheetWrites writes, Duration turnaround) {

    private static final Upsert SCREENINGS = new Upsert("screening", List.of("hall_id", "starts_at"),
            List.of("movie_id", "ends_at", "currency"));
    private static final Upsert PRICES = new Upsert("screening_price", List.of("screening_id", "seat_type"),
            List.of("amount_minor"));

    List<ImportCounts> write(List<Screening> screenings, CatalogIds ids, List<Movie> movies, boolean dry) {
        Map<String, Integer> durations = new HashMap<>(ids.durations);
        movies.forEach(m -> durations.put(m.code(), m.durationMinutes()));
        List<Upsert.Row> rows = new ArrayList<>();
        for (Screening s : screenings) {
            CatalogIds.HallId hall = ids.hall(s.cinema(), s.hall());
            LocalDateTime endsAt = s.startsAt().plusMinutes(durations.get(s.movie())).plus(turnaround);
            rows.add(CatalogWriter.row(java.util.Arrays.asList(hall == null ? null : hall.id(), s.startsAt()),
                    ids.movies.get(s.movie()), endsAt, s.currency()));
        }
        String halls = hallsOf(screenings, ids);
        Upsert.Plan plan = SCREENINGS.plan(jdbc, rows, "hall_id IN (" + halls + ")");
        Map<Long, Integer> layouts = new HashMap<>();
        ids.halls.values().forEach(h -> layouts.put(h.id(), h.currentLayout()));
        if (!dry) {
            writes.run(Sheet.SCREENINGS, plan, (inserts, updates) -> {
                SCREENINGS.insert(jdbc, inserts, List.of("layout_version", "status"),
                        r -> List.of(layouts.get((Long) r.key().getFirst()), "ON_SALE"));
                SCREENINGS.update(jdbc, updates);
            });
        }
        List<ImportCounts> counts = new ArrayList<>(List.of(ImportCounts.of(Sheet.SCREENINGS, plan)));
        counts.add(prices(screenings, ids, halls, dry));
        return counts;
    }

    private ImportCounts prices(List<Screening> screenings, CatalogIds ids, String halls, boolean dry) {
        Map<String, Long> screeningIds = new HashMap<>();
        jdbc.query("SELECT hall_id, starts_at, id FROM screening WHERE hall_id IN (" + halls + ")", rs -> {
            screeningIds.put(rs.getLong(1) + "@" + Upsert.normal(rs.getObject(2)), rs.getLong(3));
        });
        List<Upsert.Row> rows = new ArrayList<>();
        for (Screening s : screenings) {
            CatalogIds.HallId hall = ids.hall(s.cinema(), s.hall());
            Long id = hall == null ? null : screeningIds.get(hall.id() + "@" + s.startsAt());
            s.prices().forEach((type, amount) -> rows.add(CatalogWriter.row(java.util.Arrays.asList(id, type), amount)));
        }
        Upsert.Plan plan = PRICES.plan(jdbc, rows, "screening_id IN (SELECT id FROM screening WHERE hall_id IN ("
                + halls + "))");
        if (!dry) {
            writes.run(Sheet.SCREENINGS, plan, (inserts, updates) -> {
                PRICES.insert(jdbc, inserts, List.of(), r -> List.of());
                PRICES.update(jdbc, updates);
            });
        }
        return new ImportCounts("screening prices", plan.inserts().size(), plan.updates().size(), plan.unchanged());
    }

    /** The ids of the halls the screenings are in, for limiting what is read; {@code -1} for none. */
    private static String hallsOf(List<Screening> screenings, CatalogIds ids) {
        String list = screenings.stream().map(s -> ids.hall(s.cinema(), s.hall())).filter(h -> h != null)
                .map(h -> Long.toString(h.id())).distinct().collect(Collectors.joining(","));
        return list.isEmpty() ? "-1" : list;
    }
}
