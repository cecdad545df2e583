package dev.marquee.boxoffice.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the box office reads of order-api's catalog (same database, read-only): movie titles, cinemas' cities. */
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
        jdbc.query("SELECT id, title FROM movie WHERE id IN (" + "?, ".repeat(movieIds.size() - 1) + "?)",
                rs -> {
                    titles.put(rs.getLong(1), rs.getString(2));
                }, movieIds.toArray());
        return titles;
    }

    /** The cinemas of a city (compared as the catalog's collation does: case-insensitively). */
    public List<Long> cinemasIn(String city) {
        return jdbc.queryForList("SELECT id FROM cinema WHERE city = ?", Long.class, city);
    }
}
