package dev.marquee.allocator.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.marquee.allocator.Screenings;
import dev.marquee.allocator.Seat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The allocator's tables of its catalog copy ({@code allocator_*}, see db/seat-allocator). */
@Component
class CatalogCopy implements Screenings {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    CatalogCopy(JdbcTemplate jdbc, CatalogHalls migratedFirst) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public Set<Long> cancelledAmong(Collection<Long> screeningIds) {
        if (screeningIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("SELECT screening_id FROM allocator_screening WHERE screening_id IN"
                + " (:ids) AND cancelled_at IS NOT NULL", Map.of("ids", screeningIds), Long.class));
    }

    @Override
    public boolean applied(String eventId) {
        return !jdbc.queryForList("SELECT 1 FROM allocator_catalog_event WHERE event_id = ?", Integer.class, eventId)
                .isEmpty();
    }

    @Override
    public void markApplied(String eventId, Instant now) {
        jdbc.update("INSERT IGNORE INTO allocator_catalog_event (event_id, applied_at) VALUES (?, ?)", eventId,
                Timestamp.from(now));
    }

    @Override
    public void publishLayout(long hallId, int version, List<Seat> seats) {
        jdbc.batchUpdate("INSERT IGNORE INTO allocator_hall_seat (hall_id, layout_version, label, row_label, grid_row,"
                + " grid_col, seat_type, pair_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", seats, 500, (ps, seat) -> {
                    ps.setLong(1, hallId);
                    ps.setInt(2, version);
                    ps.setString(3, seat.label());
                    ps.setString(4, seat.rowLabel());
                    ps.setInt(5, seat.gridRow());
                    ps.setInt(6, seat.gridCol());
                    ps.setString(7, seat.type().name());
                    ps.setString(8, seat.pairLabel());
                });
        jdbc.update("INSERT INTO allocator_hall (hall_id, layout_version) VALUES (?, ?)"
                + " ON DUPLICATE KEY UPDATE layout_version = GREATEST(layout_version, VALUES(layout_version))",
                hallId, version);
    }

    @Override
    public void schedule(long screeningId, long hallId, int layoutVersion) {
        jdbc.update("INSERT INTO allocator_screening (screening_id, hall_id, layout_version) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE layout_version = VALUES(layout_version)", screeningId, hallId, layoutVersion);
    }

    @Override
    public void cancel(long screeningId, long hallId, Instant at) {
        jdbc.update("INSERT INTO allocator_screening (screening_id, hall_id, cancelled_at) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE cancelled_at = COALESCE(cancelled_at, VALUES(cancelled_at))",
                screeningId, hallId, Timestamp.from(at));
    }
}
