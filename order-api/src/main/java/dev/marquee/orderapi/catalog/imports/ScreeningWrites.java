package dev.marquee.orderapi.catalog.imports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.marquee.orderapi.catalog.CatalogEvents;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Movie;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Screening;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Screenings by hall and start, put on sale with their hall's current layout, with their prices (the file's prices
 * replace a screening's). A screening's end is its start plus the movie's duration plus the turnaround (advertising,
 * cleaning). A new screening is published (ScreeningScheduled), a changed one on sale too (ScreeningChanged), in
 * the transaction of its chunk. The status of a screening already there is never changed (a cancelled one stays
 * cancelled, and no event says otherwise).
 * <p>
 * No two screenings overlap in a hall, whoever writes them: each chunk first locks its halls' rows
 * ({@code SELECT … FOR UPDATE}, in id order), the lock staff scheduling over HTTP takes, then checks its screenings
 * against those the hall has now and refuses the chunk ({@link ImportOverlapException}) if one scheduled since the
 * file was validated overlaps. So an import racing a staff member cannot create an overlap: whoever locks the hall
 * second sees the other's screening.
 */
record ScreeningWrites(JdbcTemplate jdbc, SheetWrites writes, CatalogEvents events, Duration turnaround) {

    private static final Upsert SCREENINGS = new Upsert("screening", List.of("hall_id", "starts_at"),
            List.of("movie_id", "ends_at", "currency"));
    private static final String INSERT_PRICE = "INSERT INTO screening_price (screening_id, seat_type, amount_minor)"
            + " VALUES (?, ?, ?)";

    /** What the table says of a screening, found by hall and start. */
    private record Stored(long id, int layoutVersion, String status) {
    }

    ImportCounts write(List<Screening> screenings, CatalogIds ids, List<Movie> movies, boolean dry) {
        Map<String, Integer> durations = new HashMap<>(ids.durations);
        movies.forEach(m -> durations.put(m.code(), m.durationMinutes()));
        Map<List<String>, Map<String, Long>> prices = new HashMap<>();
        List<Upsert.Row> rows = new ArrayList<>();
        for (Screening s : screenings) {
            CatalogIds.HallId hall = ids.hall(s.cinema(), s.hall());
            LocalDateTime endsAt = s.startsAt().plusMinutes(durations.get(s.movie())).plus(turnaround);
            Upsert.Row row = CatalogWriter.row(Arrays.asList(hall == null ? null : hall.id(), s.startsAt()),
                    ids.movies.get(s.movie()), endsAt, s.currency());
            rows.add(row);
            prices.put(Upsert.normal(row.key()), s.prices());
        }
        String halls = hallsOf(screenings, ids);
        Upsert.Plan columns = SCREENINGS.plan(jdbc, rows, "hall_id IN (" + halls + ")");
        Upsert.Plan plan = withPriceChanges(columns, rows, prices, halls);
        if (!dry) {
            Map<Long, CatalogIds.HallId> hallsById = new HashMap<>();
            ids.halls.values().forEach(h -> hallsById.put(h.id(), h));
            Set<List<String>> inFile = rows.stream().map(r -> Upsert.normal(r.key())).collect(Collectors.toSet());
            writes.run(Sheet.SCREENINGS, plan, (inserts, updates) -> {
                lockHallsAndCheckOverlaps(inserts.isEmpty() ? updates : inserts, inFile);
                SCREENINGS.insert(jdbc, inserts, List.of("layout_version", "status"),
                        r -> List.of(hallsById.get((Long) r.key().getFirst()).currentLayout(), "ON_SALE"));
                SCREENINGS.update(jdbc, updates);
                Map<List<String>, Stored> stored = stored(inserts, updates);
                List<Long> changed = updates.stream().map(r -> stored.get(Upsert.normal(r.key())).id()).toList();
                if (!changed.isEmpty()) {
                    jdbc.update("DELETE FROM screening_price WHERE screening_id IN ("
                            + changed.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
                }
                List<Object[]> priceRows = new ArrayList<>();
                List<Upsert.Row> all = new ArrayList<>(inserts);
                all.addAll(updates);
                all.forEach(r -> prices.get(Upsert.normal(r.key())).forEach((type, amount) -> priceRows.add(
                        new Object[] {stored.get(Upsert.normal(r.key())).id(), type, amount})));
                jdbc.batchUpdate(INSERT_PRICE, priceRows);
                inserts.forEach(r -> events.screeningScheduled(facts(r, stored, hallsById, prices)));
                updates.stream().filter(r -> stored.get(Upsert.normal(r.key())).status().equals("ON_SALE"))
                        .forEach(r -> events.screeningChanged(facts(r, stored, hallsById, prices)));
            });
        }
        return ImportCounts.of(Sheet.SCREENINGS, plan);
    }

    /**
     * Locks the chunk's halls as {@code ScreeningSchedule} does, then checks the chunk's screenings against the
     * halls' screenings that are not in the file (those were checked against each other when the file was
     * validated).
     */
    private void lockHallsAndCheckOverlaps(List<Upsert.Row> chunk, Set<List<String>> inFile) {
        String halls = chunk.stream().map(r -> (Long) r.key().getFirst()).distinct().sorted().map(String::valueOf)
                .collect(Collectors.joining(","));
        if (halls.isEmpty()) {
            return;
        }
        jdbc.query("SELECT id FROM hall WHERE id IN (" + halls + ") ORDER BY id FOR UPDATE", rs -> {
        });
        Map<Long, List<Booked>> booked = new HashMap<>();
        jdbc.query("SELECT id, hall_id, starts_at, ends_at FROM screening WHERE hall_id IN (" + halls + ")"
                + " AND status <> 'CANCELLED' LOCK IN SHARE MODE", rs -> {
            LocalDateTime startsAt = rs.getObject(3, LocalDateTime.class);
            if (!inFile.contains(List.of(Upsert.normal(rs.getObject(2)), Upsert.normal(startsAt)))) {
                booked.computeIfAbsent(rs.getLong(2), h -> new ArrayList<>())
                        .add(new Booked(rs.getLong(1), startsAt, rs.getObject(4, LocalDateTime.class)));
            }
        });
        for (Upsert.Row row : chunk) {
            long hall = (Long) row.key().getFirst();
            LocalDateTime startsAt = (LocalDateTime) row.key().get(1);
            LocalDateTime endsAt = (LocalDateTime) row.values().get(1);
            booked.getOrDefault(hall, List.of()).stream()
                    .filter(b -> b.startsAt().isBefore(endsAt) && b.endsAt().isAfter(startsAt)).findFirst()
                    .ifPresent(b -> {
                        throw new ImportOverlapException(hall, startsAt, b.id());
                    });
        }
    }

    /** A screening the hall has that the file does not list. */
    private record Booked(long id, LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    /** Screenings whose columns are as wanted but whose prices are not are changed too. */
    private Upsert.Plan withPriceChanges(Upsert.Plan columns, List<Upsert.Row> rows,
                                         Map<List<String>, Map<String, Long>> prices, String halls) {
        Map<List<String>, Map<String, Long>> existing = new HashMap<>();
        jdbc.query("SELECT s.hall_id, s.starts_at, p.seat_type, p.amount_minor FROM screening s JOIN screening_price p"
                + " ON p.screening_id = s.id WHERE s.hall_id IN (" + halls + ")", rs -> {
            existing.computeIfAbsent(List.of(Upsert.normal(rs.getObject(1)), Upsert.normal(rs.getObject(2))),
                    k -> new HashMap<>()).put(rs.getString(3), rs.getLong(4));
        });
        Set<List<String>> planned = new HashSet<>();
        columns.inserts().forEach(r -> planned.add(Upsert.normal(r.key())));
        columns.updates().forEach(r -> planned.add(Upsert.normal(r.key())));
        List<Upsert.Row> updates = new ArrayList<>(columns.updates());
        for (Upsert.Row row : rows) {
            List<String> key = Upsert.normal(row.key());
            if (!planned.contains(key) && !prices.get(key).equals(existing.getOrDefault(key, Map.of()))) {
                updates.add(row);
            }
        }
        return new Upsert.Plan(columns.inserts(), updates, rows.size() - columns.inserts().size() - updates.size());
    }

    private Map<List<String>, Stored> stored(List<Upsert.Row> inserts, List<Upsert.Row> updates) {
        Set<Object> halls = new HashSet<>();
        inserts.forEach(r -> halls.add(r.key().getFirst()));
        updates.forEach(r -> halls.add(r.key().getFirst()));
        Map<List<String>, Stored> stored = new HashMap<>();
        if (halls.isEmpty()) {
            return stored;
        }
        jdbc.query("SELECT hall_id, starts_at, id, layout_version, status FROM screening WHERE hall_id IN ("
                + halls.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")", rs -> {
            stored.put(List.of(Upsert.normal(rs.getObject(1)), Upsert.normal(rs.getObject(2))),
                    new Stored(rs.getLong(3), rs.getInt(4), rs.getString(5)));
        });
        return stored;
    }

    private static CatalogEvents.ScreeningFacts facts(Upsert.Row row, Map<List<String>, Stored> stored,
                                                      Map<Long, CatalogIds.HallId> halls,
                                                      Map<List<String>, Map<String, Long>> prices) {
        List<String> key = Upsert.normal(row.key());
        Stored screening = stored.get(key);
        CatalogIds.HallId hall = halls.get((Long) row.key().getFirst());
        return new CatalogEvents.ScreeningFacts(screening.id(), hall.id(), hall.cinemaId(), hall.merchantId(),
                (Long) row.values().get(0), screening.layoutVersion(),
                Timestamp.valueOf((LocalDateTime) row.key().get(1)).toInstant(),
                Timestamp.valueOf((LocalDateTime) row.values().get(1)).toInstant(), (String) row.values().get(2),
                prices.get(key));
    }

    /** The ids of the halls the screenings are in, for limiting what is read; {@code -1} for none. */
    private static String hallsOf(List<Screening> screenings, CatalogIds ids) {
        String list = screenings.stream().map(s -> ids.hall(s.cinema(), s.hall())).filter(h -> h != null)
                .map(h -> Long.toString(h.id())).distinct().collect(Collectors.joining(","));
        return list.isEmpty() ? "-1" : list;
    }
}
