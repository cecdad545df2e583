package dev.marquee.orderapi.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Movies as browsed, read from {@code movie}. */
@Component
class Movies {

    /** The columns of {@code movie m} that {@link #movie} reads, named so that they survive a join. */
    static final String COLUMNS = "m.id AS movie_id, m.code AS movie_code, m.status AS movie_status,"
            + " m.title AS movie_title, m.original_title AS movie_original_title, m.director AS movie_director,"
            + " m.cast_list AS movie_cast, m.genres AS movie_genres, m.country AS movie_country,"
            + " m.language AS movie_language, m.duration_minutes AS movie_duration, m.format AS movie_format,"
            + " m.opening_day AS movie_opening_day, m.poster_url AS movie_poster_url";

    private final JdbcClient jdbc;

    Movies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Movie> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM movie m").query(Movies::movie).list();
    }

    static Movie movie(ResultSet rs, int n) throws SQLException {
        return new Movie(rs.getLong("movie_id"), rs.getString("movie_code"), rs.getString("movie_status"),
                rs.getString("movie_title"), rs.getString("movie_original_title"), rs.getString("movie_director"),
                rs.getString("movie_cast"), rs.getString("movie_genres"), rs.getString("movie_country"),
                rs.getString("movie_language"), rs.getInt("movie_duration"), rs.getString("movie_format"),
                rs.getObject("movie_opening_day", LocalDate.class), rs.getString("movie_poster_url"));
    }
}
