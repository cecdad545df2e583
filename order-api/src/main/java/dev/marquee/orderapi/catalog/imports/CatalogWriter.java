package dev.marquee.orderapi.catalog.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.marquee.orderapi.catalog.CatalogEvents;

import dev.marquee.orderapi.catalog.imports.CatalogLines.Cinema;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Licence;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Movie;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes validated lines sheet by sheet (merchants, cinemas, movies, halls, licences, screenings, accounts), each as
 * upserts by natural key, the ids of one sheet's new rows read back before the next sheet names them. Dry, it
 * only plans: the counts say what a real run would insert and update. What changed is published (MovieChanged,
 * CinemaChanged, LicenceGranted, HallLayoutPublished, ScreeningScheduled/Changed) in the transaction of the chunk that changed it.
 */
final class CatalogWriter {

    private static final Upsert MERCHANTS = new Upsert("merchant", List.of("code"), List.of("name"));
    private static final Upsert CINEMAS = new Upsert("cinema", List.of("code"),
            List.of("merchant_id", "name", "city", "address", "latitude", "longitude"));
    private static final Upsert MOVIES = new Upsert("movie", List.of("code"), List.of("title", "original_title",
            "director", "cast_list", "genres", "country", "language", "duration_minutes", "format", "opening_day",
            "poster_url", "status"));
    private static final Upsert LICENCES = new Upsert("licence", List.of("cinema_id", "movie_id"),
            List.of("valid_from", "valid_to", "revoked_at"));

    private final JdbcTemplate jdbc;
    private final SheetWrites writes;
    private final CatalogEvents events;
    private final boolean dry;

    CatalogWriter(JdbcTemplate jdbc, SheetWrites writes, CatalogEvents events, boolean dry) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.events = events;
        this.dry = dry;
    }

    List<ImportCounts> write(CatalogLines lines, CatalogIds start, ScreeningWrites screenings, AccountWrites accounts) {
        List<ImportCounts> counts = new ArrayList<>();
        counts.add(simple(Sheet.MERCHANTS, MERCHANTS, lines.merchants().stream()
                .map(m -> row(List.of(m.code()), m.name())).toList(), written -> {
                }));
        CatalogIds ids = dry ? start : CatalogIds.read(jdbc);
        counts.add(simple(Sheet.CINEMAS, CINEMAS, lines.cinemas().stream().map(c -> cinema(c, ids)).toList(),
                this::cinemasChanged));
        counts.add(simple(Sheet.MOVIES, MOVIES, lines.movies().stream().map(CatalogWriter::movie).toList(),
                this::moviesChanged));
        CatalogIds withMovies = dry ? start : CatalogIds.read(jdbc);
        counts.add(new HallWrites(jdbc, writes, events, dry).write(lines.halls(), withMovies));
        CatalogIds withHalls = dry ? start : CatalogIds.read(jdbc);
        counts.add(simple(Sheet.LICENCES, LICENCES, lines.licences().stream()
                .map(l -> licence(l, withHalls)).toList(), written -> written.forEach(r -> events.licenceGranted(
                (Long) r.key().get(0), (Long) r.key().get(1), (LocalDate) r.values().get(0),
                (LocalDate) r.values().get(1)))));
        counts.add(screenings.write(lines.screenings(), withHalls, lines.movies(), dry));
        counts.add(accounts.write(lines.accounts(), withHalls, dry));
        return counts;
    }

    /** @param written told of the chunk's new and changed rows, in its transaction (for their events) */
    private ImportCounts simple(Sheet sheet, Upsert table, List<Upsert.Row> rows, Consumer<List<Upsert.Row>> written) {
        Upsert.Plan plan = table.plan(jdbc, rows, "");
        if (!dry) {
            writes.run(sheet, plan, (inserts, updates) -> {
                table.insert(jdbc, inserts, List.of(), r -> List.of());
                table.update(jdbc, updates);
                List<Upsert.Row> all = new ArrayList<>(inserts);
                all.addAll(updates);
                written.accept(all);
            });
        }
        return ImportCounts.of(sheet, plan);
    }

    /** CinemaChanged for each new or changed cinema (values: merchant 0, name 1, city 2). */
    private void cinemasChanged(List<Upsert.Row> cinemas) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT code, id FROM cinema", rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        cinemas.forEach(c -> events.cinemaChanged(ids.get((String) c.key().getFirst()), (Long) c.values().get(0),
                (String) c.values().get(1), (String) c.values().get(2)));
    }

    /** MovieChanged for each new or changed movie (values: title 0, duration 7, status 11). */
    private void moviesChanged(List<Upsert.Row> movies) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT code, id FROM movie", rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        movies.forEach(m -> events.movieChanged(ids.get((String) m.key().getFirst()), (String) m.values().get(0),
                (Integer) m.values().get(7), (String) m.values().get(11)));
    }

    static Upsert.Row row(List<Object> key, Object... values) {
        return new Upsert.Row(key, Arrays.asList(values));
    }

    private static Upsert.Row cinema(Cinema c, CatalogIds ids) {
        return row(List.of(c.code()), ids.merchants.get(c.merchant()), c.name(), c.city(), c.address(), c.latitude(),
                c.longitude());
    }

    private static Upsert.Row movie(Movie m) {
        return row(List.of(m.code()), m.title(), m.originalTitle(), m.director(), m.cast(), m.genres(), m.country(),
                m.language(), m.durationMinutes(), m.format(), m.openingDay(), m.posterUrl(), m.status());
    }

    /** A licence in the file is granted: a revoked one is granted again. */
    private static Upsert.Row licence(Licence l, CatalogIds ids) {
        List<Object> key = Arrays.asList(ids.cinemas.get(l.cinema()), ids.movies.get(l.movie()));
        return new Upsert.Row(key, Arrays.asList(l.validFrom(), l.validTo(), null));
    }

}
