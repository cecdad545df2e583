package dev.marquee.boxoffice.persistence;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.marquee.boxoffice.CinemaScope;
import dev.marquee.boxoffice.DayTotal;
import dev.marquee.boxoffice.DayWindow;
import dev.marquee.boxoffice.MovieTotal;
import dev.marquee.boxoffice.Ranking;
import dev.marquee.boxoffice.RankingQuery;
import dev.marquee.boxoffice.Rankings;
import dev.marquee.boxoffice.Series;
import dev.marquee.boxoffice.SeriesQuery;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers figure queries from the live cells: the database sums the window's cells per movie (or per day), and
 * the same plain-Java {@link Rankings} and {@link Series} a tally uses rank and shape them.
 */
public final class LiveFigures {

    private final JdbcTemplate jdbc;

    public LiveFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Ranking rank(RankingQuery query) {
        List<Object> params = new ArrayList<>();
        String where = where(query.window(), query.scope(), params);
        List<MovieTotal> totals = jdbc.query("SELECT movie_id, currency, SUM(revenue_minor), SUM(tickets) FROM "
                + ProjectionTables.LIVE.cell() + where + " GROUP BY movie_id, currency",
                (rs, n) -> new MovieTotal(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                params.toArray());
        return Rankings.rank(totals, query);
    }

    public Series series(long movieId, SeriesQuery query) {
        List<Object> params = new ArrayList<>();
        params.add(movieId);
        String where = where(query.window(), query.scope(), params).replaceFirst(" WHERE", " WHERE movie_id = ? AND");
        List<DayTotal> days = jdbc.query("SELECT day, currency, SUM(revenue_minor), SUM(tickets) FROM "
                + ProjectionTables.LIVE.cell() + where + " GROUP BY day, currency",
                (rs, n) -> new DayTotal(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
                        rs.getLong(4)), params.toArray());
        return Series.of(movieId, days, query);
    }

    private static String where(DayWindow window, CinemaScope scope, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (window.from() != null) {
            where.append(" AND day >= ?");
            params.add(Date.valueOf(window.from()));
        }
        if (window.to() != null) {
            where.append(" AND day <= ?");
            params.add(Date.valueOf(window.to()));
        }
        if (!scope.isAll()) {
            if (scope.cinemaIds().isEmpty()) {
                return where.append(" AND FALSE").toString();
            }
            where.append(" AND cinema_id IN (").append("?, ".repeat(scope.cinemaIds().size() - 1)).append("?)");
            params.addAll(scope.cinemaIds().stream().sorted().toList());
        }
        return where.toString();
    }
}
