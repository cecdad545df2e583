package dev.marquee.boxoffice.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The box office's own copy of what it needs of the catalog ({@code box_office_movie}, {@code box_office_cinema}),
 * kept from catalog-events; it never reads order-api's tables.
 */
public final class Catalog {

    private final JdbcTemplate jdbc;

    public Catalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The titles of these movies; a movie the catalog does not know has none. */
    public Map<Long, String> titles(Collection<Long> movieIds) {
        Map<Long, String> titles = new HashMap<>();
        if (movieIds.isEmpty()) {
            return titles;
        }
        jdbc.query("SELECT movie_id, title FROM box_office_movie WHERE movie_id IN ("
                        + "?, ".repeat(movieIds.size() - 1) + "?)",
                rs -> {
                    titles.put(rs.getLong(1), rs.getString(2));
                }, movieIds.toArray());
        return titles;
    }

    /** The cinemas of a city (compared case-insensitively, as the table's collation does). */
    public List<Long> cinemasIn(String city) {
        return jdbc.queryForList("SELECT cinema_id FROM box_office_cinema WHERE city = ?", Long.class, city);
    }

    public void movie(long movieId, String title) {
        jdbc.update("INSERT INTO box_office_movie (movie_id, title) VALUES (?, ?)"
                + " ON DUPLICATE KEY UPDATE title = VALUES(title)", movieId, title);
    }

    public void cinema(long cinemaId, String city) {
        jdbc.update("INSERT INTO box_office_cinema (cinema_id, city) VALUES (?, ?)"
                + " ON DUPLICATE KEY UPDATE city = VALUES(city)", cinemaId, city);
    }

    /** Records the catalog event as applied; false if it was before (then nothing is to be done). */
    public boolean firstTime(String eventId, Instant at) {
        return jdbc.update("INSERT IGNORE INTO box_office_catalog_event (event_id, applied_at) VALUES (?, ?)",
                eventId, Timestamp.from(at)) == 1;
    }
}
