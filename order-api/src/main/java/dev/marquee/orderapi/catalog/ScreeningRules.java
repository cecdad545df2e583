package dev.marquee.orderapi.catalog;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a screening must respect: its movie's length (plus advertising and cleaning) and the cinema's licence. */
@Component
class ScreeningRules {

    private final JdbcClient jdbc;
    private final CatalogSettings settings;

    ScreeningRules(JdbcClient jdbc, CatalogSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** When the hall is free again after this movie, started then; an unknown movie is refused 422. */
    Instant endOf(long movieId, Instant startsAt) {
        int minutes = jdbc.sql("SELECT duration_minutes FROM movie WHERE id = ?").param(movieId)
                .query(Integer.class).optional()
                .orElseThrow(() -> CatalogRefusedException.unknownReferenced("movie", movieId));
        return settings.endOf(startsAt, minutes);
    }

    /** The cinema holds an unrevoked licence for the movie whose window contains the screening's day. */
    void checkLicence(long cinemaId, long movieId, Instant startsAt) {
        Window window = jdbc.sql("SELECT valid_from, valid_to FROM licence WHERE cinema_id = ? AND movie_id = ?"
                        + " AND revoked_at IS NULL")
                .params(cinemaId, movieId)
                .query((rs, n) -> new Window(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()))
                .optional().orElseThrow(() -> CatalogRefusedException.notLicensed(cinemaId, movieId));
        LocalDate day = startsAt.atZone(settings.zone()).toLocalDate();
        if (day.isBefore(window.from()) || day.isAfter(window.to())) {
            throw CatalogRefusedException.outsideLicence(window.from() + "/" + window.to());
        }
    }

    private record Window(LocalDate from, LocalDate to) {
    }
}
