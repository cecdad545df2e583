package dev.marquee.orderapi.catalog.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.orderapi.catalog.CatalogEvents;
import dev.marquee.orderapi.catalog.CatalogEvents.ScreeningFacts;
import dev.marquee.orderapi.catalog.GridSeat;
import dev.marquee.orderapi.catalog.SeatType;
import dev.marquee.orderapi.catalog.messaging.CatalogPublications.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start-up, publishes every catalog row that never had an event (written by SQL, or before catalog events
 * existed): CinemaChanged, MovieChanged, LicenceGranted (unrevoked), HallLayoutPublished for each layout version,
 * ScreeningScheduled for each screening on sale, in that order (a screening's layout before it, on its hall's key).
 * One transaction: instances starting together take turns on {@code catalog_backfill_lock}, and each row is
 * claimed ({@link CatalogPublications}) before its event is written, so a row that a running import publishes at
 * the same moment is published once. A restart finds nothing left.
 */
@Component
class CatalogBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogBackfill.class);

    /** How many events of each kind one pass wrote. */
    record Published(int cinemas, int movies, int licences, int layouts, int screenings) {

        int total() {
            return cinemas + movies + licences + layouts + screenings;
        }
    }

    private final JdbcClient jdbc;
    private final CatalogPublications published;
    private final CatalogEvents events;

    CatalogBackfill(JdbcClient jdbc, CatalogPublications published, CatalogEvents events) {
        this.jdbc = jdbc;
        this.published = published;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Published pass = publishUnpublished();
        if (pass.total() > 0) {
            log.info("catalog rows never published, published now on catalog-events: {}", pass);
        }
    }

    @Transactional
    public Published publishUnpublished() {
        jdbc.sql("SELECT id FROM catalog_backfill_lock WHERE id = 1 FOR UPDATE").query(Integer.class).list();
        return new Published(cinemas(), movies(), licences(), layouts(), screenings());
    }

    private int cinemas() {
        return publish(Kind.CINEMA, "SELECT c.id, 0, c.merchant_id, c.name, c.city FROM cinema c"
                + unpublished("CINEMA", "c.id", "0") + " ORDER BY c.id",
                rs -> events.cinemaChanged(rs.getLong(1), rs.getLong(3), rs.getString(4), rs.getString(5)));
    }

    private int movies() {
        return publish(Kind.MOVIE, "SELECT m.id, 0, m.title, m.duration_minutes, m.status FROM movie m"
                + unpublished("MOVIE", "m.id", "0") + " ORDER BY m.id",
                rs -> events.movieChanged(rs.getLong(1), rs.getString(3), rs.getInt(4), rs.getString(5)));
    }

    private int licences() {
        return publish(Kind.LICENCE, "SELECT l.cinema_id, l.movie_id, l.valid_from, l.valid_to FROM licence l"
                + unpublished("LICENCE", "l.cinema_id", "l.movie_id") + " AND l.revoked_at IS NULL"
                + " ORDER BY l.movie_id, l.cinema_id",
                rs -> events.licenceGranted(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4).toLocalDate()));
    }

    private int layouts() {
        record Layout(long hallId, int version, long cinemaId, long merchantId) {
        }
        Map<Layout, List<GridSeat>> layouts = new LinkedHashMap<>();
        jdbc.sql("SELECT s.hall_id, s.layout_version, h.cinema_id, c.merchant_id, s.label, s.row_label, s.grid_row,"
                + " s.grid_col, s.seat_type, s.pair_label FROM hall_seat s JOIN hall h ON h.id = s.hall_id"
                + " JOIN cinema c ON c.id = h.cinema_id" + unpublished("HALL_LAYOUT", "s.hall_id", "s.layout_version")
                + " ORDER BY s.hall_id, s.layout_version, s.grid_row, s.grid_col").query(rs -> {
            layouts.computeIfAbsent(new Layout(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)),
                    k -> new ArrayList<>()).add(new GridSeat(rs.getString(5), rs.getString(6), rs.getInt(7),
                    rs.getInt(8), SeatType.valueOf(rs.getString(9)), rs.getString(10)));
        });
        int count = 0;
        for (Map.Entry<Layout, List<GridSeat>> e : layouts.entrySet()) {
            Layout l = e.getKey();
            if (published.claim(Kind.HALL_LAYOUT, l.hallId(), l.version())) {
                events.hallLayoutPublished(l.hallId(), l.cinemaId(), l.merchantId(), l.version(), e.getValue());
                count++;
            }
        }
        return count;
    }

    private int screenings() {
        String unpublishedOnSale = unpublished("SCREENING", "s.id", "0") + " AND s.status = 'ON_SALE'";
        Map<Long, Map<String, Long>> prices = new HashMap<>();
        jdbc.sql("SELECT p.screening_id, p.seat_type, p.amount_minor FROM screening_price p"
                + " JOIN screening s ON s.id = p.screening_id" + unpublishedOnSale).query(rs -> {
            prices.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
        });
        return publish(Kind.SCREENING, "SELECT s.id, 0, s.hall_id, h.cinema_id, c.merchant_id, s.movie_id,"
                + " s.layout_version, s.starts_at, s.ends_at, s.currency FROM screening s JOIN hall h ON h.id = s.hall_id"
                + " JOIN cinema c ON c.id = h.cinema_id" + unpublishedOnSale + " ORDER BY s.id",
                rs -> events.screeningScheduled(new ScreeningFacts(rs.getLong(1), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9).toInstant(), rs.getString(10), prices.getOrDefault(rs.getLong(1),
                        Map.of()))));
    }

    private interface Publication {
        void publish(ResultSet row) throws SQLException;
    }

    /** Claims and publishes each row the query finds (its first two columns are the row's key). */
    private int publish(Kind kind, String query, Publication publication) {
        int[] count = {0};
        jdbc.sql(query).query(rs -> {
            if (published.claim(kind, rs.getLong(1), rs.getLong(2))) {
                publication.publish(rs);
                count[0]++;
            }
        });
        return count[0];
    }

    /** A join that keeps only the rows no event was written for (and opens the WHERE clause). */
    private static String unpublished(String kind, String firstId, String secondId) {
        return " LEFT JOIN catalog_published published ON published.kind = '" + kind + "' AND published.first_id = "
                + firstId + " AND published.second_id = " + secondId + " WHERE published.kind IS NULL";
    }
}
