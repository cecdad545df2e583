package dev.marquee.orderapi.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders in {@code customer_order}, their seats and claimed payments, in plain SQL: one statement reads an order
 * with both lists, one writes its row. A change is written only against the version it was read at: two writers
 * of one order (the seat-events and order-events listeners, a customer's cancel or claim) cannot overwrite each
 * other's facts; the later one gets an {@link OptimisticLockingFailureException} (transient: its listener retries,
 * a request answers 503) and rolls back.
 */
@Component
public class Orders {

    private static final String SELECT = "SELECT o.id, o.customer_id, o.screening_id, o.hall_id, o.seat_count,"
            + " o.status, o.amount_minor, o.currency, o.hold_deadline, o.reject_reason, o.reject_detail, o.created_at,"
            + " o.updated_at, o.seats_held, o.hold_extended, o.expired, o.cancelled, o.money_verdict,"
            + " o.refund_payment_id, o.refund_reason, o.version,"
            + " (SELECT GROUP_CONCAT(s.seat_label ORDER BY s.position SEPARATOR ',') FROM order_seat s"
            + " WHERE s.order_id = o.id) AS seats,"
            + " (SELECT GROUP_CONCAT(c.payment_id SEPARATOR ',') FROM order_payment_claim c"
            + " WHERE c.order_id = o.id) AS claims"
            + " FROM customer_order o";

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Order> findById(String id) {
        return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(Orders::order).optional();
    }

    /** A customer's newest orders, for the pages' "my orders". */
    public List<Order> newestOf(String customerId, int limit) {
        return jdbc.sql(SELECT + " WHERE o.customer_id = ? ORDER BY o.created_at DESC LIMIT ?")
                .params(customerId, limit).query(Orders::order).list();
    }

    /**
     * Writes the order: a new one whole; a stored one only if it changed since it was read, checked against the
     * version it was read at, with its seats and claims only where they changed.
     *
     * @throws OptimisticLockingFailureException if the order was changed since it was read
     */
    public void save(Order order) {
        OrderRow row = order.row();
        OrderRow stored = order.stored();
        if (stored == null) {
            insert(row);
            order.storedAs(row, 0);
        } else if (!row.equals(stored)) {
            update(row, order.version());
            if (!row.seats().equals(stored.seats())) {
                jdbc.sql("DELETE FROM order_seat WHERE order_id = ?").param(row.id()).update();
                insertSeats(row);
            }
            changeClaims(row.id(), stored.claimedPayments(), row.claimedPayments());
            order.storedAs(row, order.version() + 1);
        }
    }

    private void insert(OrderRow o) {
        jdbc.sql("INSERT INTO customer_order (id, customer_id, screening_id, hall_id, seat_count, status,"
                        + " amount_minor, currency, hold_deadline, reject_reason, reject_detail, created_at,"
                        + " updated_at, seats_held, hold_extended, expired, cancelled, money_verdict,"
                        + " refund_payment_id, refund_reason, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(o.id(), o.customerId(), o.screeningId(), o.hallId(), o.seatCount(), o.status().name(),
                        o.amountMinor(), o.currency(), timestamp(o.holdDeadline()), o.rejectReason(),
                        o.rejectDetail(), timestamp(o.createdAt()), timestamp(o.updatedAt()), o.seatsHeld(),
                        o.holdExtended(), o.expired(), o.cancelled(), o.moneyVerdict().name(), o.refundPaymentId(),
                        o.refundReason())
                .update();
        insertSeats(o);
        changeClaims(o.id(), Set.of(), o.claimedPayments());
    }

    private void update(OrderRow o, long version) {
        int updated = jdbc.sql("UPDATE customer_order SET status = ?, hold_deadline = ?, reject_reason = ?,"
                        + " reject_detail = ?, updated_at = ?, seats_held = ?, hold_extended = ?, expired = ?,"
                        + " cancelled = ?, money_verdict = ?, refund_payment_id = ?, refund_reason = ?,"
                        + " version = version + 1 WHERE id = ? AND version = ?")
                .params(o.status().name(), timestamp(o.holdDeadline()), o.rejectReason(), o.rejectDetail(),
                        timestamp(o.updatedAt()), o.seatsHeld(), o.holdExtended(), o.expired(), o.cancelled(),
                        o.moneyVerdict().name(), o.refundPaymentId(), o.refundReason(), o.id(), version)
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("order " + o.id() + " was changed (or removed) since it was"
                    + " read at version " + version);
        }
    }

    /** All seats in one statement (an order has a handful). */
    private void insertSeats(OrderRow o) {
        if (o.seats().isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        for (int position = 0; position < o.seats().size(); position++) {
            params.addAll(List.of(o.id(), o.seats().get(position), position));
        }
        jdbc.sql("INSERT INTO order_seat (order_id, seat_label, position) VALUES "
                + String.join(", ", Collections.nCopies(o.seats().size(), "(?, ?, ?)")))
                .params(params).update();
    }

    private void changeClaims(String orderId, Set<String> before, Set<String> after) {
        Set<String> added = new HashSet<>(after);
        added.removeAll(before);
        Set<String> removed = new HashSet<>(before);
        removed.removeAll(after);
        for (String payment : added) {
            jdbc.sql("INSERT INTO order_payment_claim (order_id, payment_id) VALUES (?, ?)").params(orderId, payment)
                    .update();
        }
        if (!removed.isEmpty()) {
            jdbc.sql("DELETE FROM order_payment_claim WHERE order_id = :order AND payment_id IN (:payments)")
                    .param("order", orderId).param("payments", removed).update();
        }
    }

    private static Order order(ResultSet rs, int n) throws SQLException {
        OrderRow row = new OrderRow(rs.getString("id"), rs.getString("customer_id"), rs.getLong("screening_id"),
                rs.getLong("hall_id"), rs.getInt("seat_count"), OrderStatus.valueOf(rs.getString("status")),
                rs.getLong("amount_minor"), rs.getString("currency"), instant(rs.getTimestamp("hold_deadline")),
                rs.getString("reject_reason"), rs.getString("reject_detail"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), rs.getBoolean("seats_held"), rs.getBoolean("hold_extended"),
                rs.getBoolean("expired"), rs.getBoolean("cancelled"),
                Order.MoneyVerdict.valueOf(rs.getString("money_verdict")), rs.getString("refund_payment_id"),
                rs.getString("refund_reason"), split(rs.getString("seats")), Set.copyOf(split(rs.getString("claims"))));
        return Order.of(row, rs.getLong("version"));
    }

    private static List<String> split(String csv) {
        return csv == null ? List.of() : Arrays.asList(csv.split(","));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
