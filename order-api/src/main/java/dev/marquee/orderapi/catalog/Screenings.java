package dev.marquee.orderapi.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Screenings with their movie, hall, cinema and prices, each read in one statement (the prices folded into one
 * column): {@link Catalog} reads one per screening and TTL on the order path, browsing a page of them.
 */
@Component
class Screenings {

    private static final String SELECT = "SELECT s.id, s.starts_at, s.ends_at, s.currency, s.layout_version,"
            + " s.status, h.id AS hall_id, h.name AS hall_name, " + Movies.COLUMNS + ", " + Cinemas.COLUMNS + ","
            + " (SELECT GROUP_CONCAT(p.seat_type, '=', p.amount_minor) FROM screening_price p"
            + " WHERE p.screening_id = s.id) AS prices"
            + " FROM screening s JOIN hall h ON h.id = s.hall_id JOIN cinema c ON c.id = h.cinema_id"
            + " JOIN movie m ON m.id = s.movie_id";

    private final JdbcClient jdbc;

    Screenings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Screening> findWithHallById(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = ?").param(id).query(Screenings::screening).optional();
    }

    /** Screenings on sale starting in [from, to), of a movie and a cinema when given, by start. */
    List<Screening> search(Long movieId, Long cinemaId, Instant from, Instant to) {
        return jdbc.sql(SELECT + " WHERE s.status = 'ON_SALE' AND s.starts_at >= :from AND s.starts_at < :to"
                        + (movieId == null ? "" : " AND m.id = :movie")
                        + (cinemaId == null ? "" : " AND c.id = :cinema")
                        + " ORDER BY s.starts_at, s.id")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("movie", movieId).param("cinema", cinemaId)
                .query(Screenings::screening).list();
    }

    private static Screening screening(ResultSet rs, int n) throws SQLException {
        Hall hall = new Hall(rs.getLong("hall_id"), Cinemas.cinema(rs, n), rs.getString("hall_name"));
        return new Screening(rs.getLong("id"), Movies.movie(rs, n), hall, rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getString("currency"), rs.getInt("layout_version"),
                rs.getString("status"), prices(rs.getString("prices")));
    }

    /** {@code STANDARD=6000,WHEELCHAIR=4000}, as the query folds them. */
    private static Map<String, Long> prices(String folded) {
        Map<String, Long> prices = new HashMap<>();
        if (folded != null) {
            for (String price : folded.split(",")) {
                int eq = price.indexOf('=');
                prices.put(price.substring(0, eq), Long.parseLong(price.substring(eq + 1)));
            }
        }
        return prices;
    }
}
