package dev.marquee.orderapi.catalog;

import static dev.marquee.orderapi.catalog.MovieDetails.orEmpty;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The platform's movies; every change is a MovieChanged event. */
@Service
public class MovieCatalog {

    private static final String COLUMNS = "code = ?, title = ?, original_title = ?, director = ?, cast_list = ?,"
            + " genres = ?, country = ?, language = ?, duration_minutes = ?, format = ?, opening_day = ?,"
            + " poster_url = ?, status = ?";

    private final JdbcClient jdbc;
    private final Ownership ownership;
    private final CatalogEvents events;

    MovieCatalog(JdbcClient jdbc, Ownership ownership, CatalogEvents events) {
        this.jdbc = jdbc;
        this.ownership = ownership;
        this.events = events;
    }

    @Transactional
    public long create(Long actingFor, MovieDetails movie) {
        ownership.platform(actingFor);
        movie.validate();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO movie SET " + COLUMNS).params(values(movie)).update(key, "id");
        } catch (DuplicateKeyException e) {
            throw CatalogRefusedException.duplicate("movie", movie.code());
        }
        long id = key.getKey().longValue();
        events.movieChanged(id, movie.title(), movie.durationMinutes(), movie.statusOrDefault());
        return id;
    }

    @Transactional
    public void update(Long actingFor, long movieId, MovieDetails movie) {
        ownership.platform(actingFor);
        movie.validate();
        Object[] values = values(movie);
        Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
        withId[values.length] = movieId;
        int updated;
        try {
            updated = jdbc.sql("UPDATE movie SET " + COLUMNS + " WHERE id = ?").params(withId).update();
        } catch (DuplicateKeyException e) {
            throw CatalogRefusedException.duplicate("movie", movie.code());
        }
        if (updated == 0) {
            throw CatalogRefusedException.unknown("movie", movieId);
        }
        events.movieChanged(movieId, movie.title(), movie.durationMinutes(), movie.statusOrDefault());
    }

    private static Object[] values(MovieDetails m) {
        return new Object[] {m.code(), m.title(), m.originalTitle() == null ? m.title() : m.originalTitle(),
                orEmpty(m.director()), orEmpty(m.cast()), orEmpty(m.genres()), orEmpty(m.country()),
                orEmpty(m.language()), m.durationMinutes(), m.format() == null ? "2D" : m.format(), m.openingDay(),
                orEmpty(m.posterUrl()), m.statusOrDefault()};
    }
}
