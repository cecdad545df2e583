package dev.marquee.launcher.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marquee.stack.EmbeddedStack;

/** What the database says about one screening: its hall's seats before the sale, its claims after. */
final class ScreeningLedger {

    private final EmbeddedStack stack;
    private final long screeningId;

    ScreeningLedger(EmbeddedStack stack, long screeningId) {
        this.stack = stack;
        this.screeningId = screeningId;
    }

    /** The hall's sellable seats, row by row in grid order; fails if the screening does not exist. */
    HallRows hall() throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                SELECT hs.row_label, hs.label FROM hall_seat hs JOIN screening sc ON sc.hall_id = hs.hall_id
                WHERE sc.id = ? ORDER BY hs.grid_row, hs.grid_col""")) {
            s.setLong(1, screeningId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1), row -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("screening " + screeningId + " does not exist or its hall has no seats");
        }
        return new HallRows(List.copyOf(rows.values()));
    }

    /** Another screening, preferably in another hall, to warm the pipeline up on; empty if there is none. */
    Optional<Long> anotherScreening() throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                SELECT o.id FROM screening o JOIN screening sc ON sc.id = ? WHERE o.id <> sc.id
                ORDER BY o.hall_id = sc.hall_id, o.id LIMIT 1""")) {
            s.setLong(1, screeningId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Orders of the screening whose decision order-api has applied (no longer REQUESTED). */
    long decided() throws SQLException {
        return count("SELECT COUNT(*) FROM customer_order WHERE screening_id = ? AND status <> 'REQUESTED'");
    }

    /** Rows of {@code seat_claim}: every seat held or sold for the screening. */
    long claims() throws SQLException {
        return count("SELECT COUNT(*) FROM seat_claim WHERE screening_id = ?");
    }

    /** Seats of the hall without any claim. */
    long freeSeats() throws SQLException {
        return count("""
                SELECT COUNT(*) FROM hall_seat hs JOIN screening sc ON sc.hall_id = hs.hall_id
                LEFT JOIN seat_claim c ON c.screening_id = sc.id AND c.seat_label = hs.label
                WHERE sc.id = ? AND c.seat_label IS NULL""");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, screeningId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(), stack.credentials().appPassword());
    }
}
