package dev.marquee.launcher.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.marquee.launcher.bench.SeatBooks.ClaimRow;
import dev.marquee.launcher.bench.SeatBooks.OrderRow;
import dev.marquee.stack.EmbeddedStack;

/** Reads the chaos bench's orders, the claims on their screenings and those screenings' halls from the database. */
final class ChaosLedger {

    static final String FAN_PREFIX = "chaos-fan-";
    /** PaymentLedger's customers, so that its double-charge checks apply unchanged. */
    static final String PAYER_PREFIX = "bench-pay-chaos-";
    private static final String CHAOS_ORDERS = "(o.customer_id LIKE '" + FAN_PREFIX + "%' OR o.customer_id LIKE '"
            + PAYER_PREFIX + "%')";

    private final EmbeddedStack stack;

    ChaosLedger(EmbeddedStack stack) {
        this.stack = stack;
    }

    SeatBooks.Findings check(Set<String> accepted) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword()); Statement s = c.createStatement()) {
            Map<String, OrderRow> orders = new LinkedHashMap<>();
            Map<String, List<String>> seats = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT o.id, o.screening_id, o.status,"
                    + " COALESCE(o.hold_deadline > NOW(3), FALSE), os.seat_label FROM customer_order o"
                    + " LEFT JOIN order_seat os ON os.order_id = o.id WHERE " + CHAOS_ORDERS)) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    List<String> mine = seats.computeIfAbsent(id, k -> new ArrayList<>());
                    if (rs.getString(5) != null) {
                        mine.add(rs.getString(5));
                    }
                    orders.putIfAbsent(id, new OrderRow(id, rs.getLong(2), rs.getString(3), rs.getBoolean(4), mine));
                }
            }
            Set<Long> screenings = new HashSet<>();
            orders.values().forEach(o -> screenings.add(o.screeningId()));
            if (screenings.isEmpty()) {
                return SeatBooks.check(accepted, List.of(), List.of(), Map.of());
            }
            String in = screenings.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
            List<ClaimRow> claims = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT screening_id, seat_label, order_id, hold_until IS NULL"
                    + " FROM seat_claim WHERE screening_id IN (" + in + ")")) {
                while (rs.next()) {
                    claims.add(new ClaimRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
            Map<Long, Set<String>> hallSeats = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT sc.id, hs.label FROM screening sc JOIN hall_seat hs"
                    + " ON hs.hall_id = sc.hall_id WHERE sc.id IN (" + in + ")")) {
                while (rs.next()) {
                    hallSeats.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
            return SeatBooks.check(accepted, List.copyOf(orders.values()), claims, hallSeats);
        }
    }
}
