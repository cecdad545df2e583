package dev.marquee.orderapi.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Licences: a cinema may screen a movie from one day to another (inclusive) unless revoked. Granting again
 * replaces the window and lifts a revocation. Screenings already scheduled are left as they are.
 */
@Service
public class Licensing {

    private final JdbcClient jdbc;
    private final Ownership ownership;
    private final CatalogEvents events;
    private final Clock clock;

    Licensing(JdbcClient jdbc, Ownership ownership, CatalogEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.ownership = ownership;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void grant(Long actingFor, Long cinemaId, Long movieId, LocalDate validFrom, LocalDate validTo) {
        ownership.platform(actingFor);
        new Fields().required("cinemaId", cinemaId).required("movieId", movieId).required("validFrom", validFrom)
                .required("validTo", validTo)
                .check(validFrom == null || validTo == null || !validTo.isBefore(validFrom), "validTo",
                        "not before validFrom")
                .orRefuse();
        ownership.cinema(null, cinemaId);
        if (jdbc.sql("SELECT COUNT(*) FROM movie WHERE id = ?").param(movieId).query(Long.class).single() == 0) {
            throw CatalogRefusedException.unknown("movie", movieId);
        }
        jdbc.sql("INSERT INTO licence (cinema_id, movie_id, valid_from, valid_to) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE valid_from = VALUES(valid_from), valid_to = VALUES(valid_to),"
                        + " revoked_at = NULL")
                .params(cinemaId, movieId, validFrom, validTo).update();
        events.licenceGranted(cinemaId, movieId, validFrom, validTo);
    }

    @Transactional
    public void revoke(Long actingFor, long cinemaId, long movieId) {
        ownership.platform(actingFor);
        int revoked = jdbc.sql("UPDATE licence SET revoked_at = ? WHERE cinema_id = ? AND movie_id = ?"
                        + " AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), cinemaId, movieId).update();
        if (revoked == 0) {
            throw CatalogRefusedException.unknown("licence", cinemaId + "/" + movieId);
        }
        events.licenceRevoked(cinemaId, movieId);
    }
}
