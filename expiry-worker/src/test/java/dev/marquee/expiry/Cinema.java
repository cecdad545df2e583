package dev.marquee.expiry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Object Mother for the integration tests: orders' holds in the seat
 * ledger as the allocator (or a payment) would have left them, written directly as fixture rows.
 */
final class Cinema {

    private static final AtomicLong IDS = new AtomicLong(5_000);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Cinema(DataSource db) {
        this.jdbc = JdbcClient.create(db);
        this.template = new JdbcTemplate(db);
    }

    /** One screening in one hall. */
    record Hall(long id, long screeningId) {
    }

    /** How an order's hold stands in the ledger. */
    record Closure(String closedBy, String released, Instant holdUntil, Instant extendedAt, Instant closedAt) {
    }

    Hall newHall() {
        return new Hall(IDS.incrementAndGet(), IDS.incrementAndGet());
    }

    /** An order whose seats are held until {@code until} (in the past: lapsed). */
    String heldOrder(Hall hall, Instant until, String... seats) {
        String orderId = UUID.randomUUID().toString();
        Arrays.stream(seats).forEach(seat -> claim(hall, seat, orderId, until));
        allocation(hall, orderId, until, seats); // last, so a sweeping worker never sees it without its seats
        return orderId;
    }

    /** An order whose seats were sold (a payment came) while its allocation's hold is still open. */
    String soldOrder(Hall hall, Instant holdUntil, String... seats) {
        String orderId = UUID.randomUUID().toString();
        Arrays.stream(seats).forEach(seat -> claim(hall, seat, orderId, null));
        allocation(hall, orderId, holdUntil, seats);
        return orderId;
    }

    /** Many one-seat held orders of one hall (seats S1, S2, ...), without order rows. */
    List<String> heldOrders(Hall hall, Instant until, int count) {
        List<String> orders = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<Integer> indexes = IntStream.range(0, count).boxed().toList();
        Timestamp deadline = Timestamp.from(until);
        // claims first: a worker sweeping meanwhile must never see an allocation whose seats are not written yet
        // (the allocator writes both in one transaction)
        template.batchUpdate("INSERT INTO seat_claim (screening_id, seat_label, order_id, customer_id, hold_until,"
                + " fencing_token) VALUES (?, ?, ?, 'c', ?, 1)", indexes, 1_000, (ps, i) -> {
                    ps.setLong(1, hall.screeningId());
                    ps.setString(2, "S" + (i + 1));
                    ps.setString(3, orders.get(i));
                    ps.setTimestamp(4, deadline);
                });
        template.batchUpdate("INSERT INTO allocation (order_id, screening_id, hall_id, outcome, seats, hold_until,"
                + " fencing_token, decided_at) VALUES (?, ?, ?, 'HELD', ?, ?, 1, ?)", indexes, 1_000, (ps, i) -> {
                    ps.setString(1, orders.get(i));
                    ps.setLong(2, hall.screeningId());
                    ps.setLong(3, hall.id());
                    ps.setString(4, "S" + (i + 1));
                    ps.setTimestamp(5, deadline);
                    ps.setTimestamp(6, Timestamp.from(Instant.now()));
                });
        return orders;
    }

    /**
     * The customer started paying: the ledger marks the hold's payment in flight until {@code paymentUntil}, as
     * order-api's PaymentStart does (the order shows PAYMENT_PENDING).
     */
    void paymentInFlight(String orderId, Instant paymentUntil) {
        jdbc.sql("UPDATE allocation SET payment_until = ? WHERE order_id = ?")
                .params(Timestamp.from(paymentUntil), orderId).update();
        jdbc.sql("UPDATE seat_claim SET payment_until = ? WHERE order_id = ? AND hold_until IS NOT NULL")
                .params(Timestamp.from(paymentUntil), orderId).update();
    }

    /** Another order took the seat over after the hold on it lapsed (as the allocator does). */
    void takeOver(Hall hall, String seat, String newOrderId, Instant until) {
        jdbc.sql("UPDATE seat_claim SET order_id = ?, hold_until = ? WHERE screening_id = ? AND seat_label = ?")
                .params(newOrderId, Timestamp.from(until), hall.screeningId(), seat).update();
    }

    /** Each claimed seat of the hall's screening as {@code label=order:SOLD|HELD|LAPSED}, by label. */
    List<String> seats(Hall hall) {
        Instant now = Instant.now();
        return jdbc.sql("SELECT seat_label, order_id, hold_until FROM seat_claim WHERE screening_id = ?"
                        + " ORDER BY seat_label").param(hall.screeningId())
                .query((rs, n) -> rs.getString("seat_label") + "=" + rs.getString("order_id") + ":"
                        + state(rs.getTimestamp("hold_until"), now)).list();
    }

    Closure closure(String orderId) {
        return jdbc.sql("SELECT closed_by, released, hold_until, extended_at, closed_at FROM allocation"
                        + " WHERE order_id = ?").param(orderId)
                .query((rs, n) -> new Closure(rs.getString("closed_by"), rs.getString("released"),
                        instant(rs.getTimestamp("hold_until")), instant(rs.getTimestamp("extended_at")),
                        instant(rs.getTimestamp("closed_at")))).single();
    }

    boolean isClosed(String orderId) {
        return closure(orderId).closedAt() != null;
    }

    int closedHolds(List<Hall> halls) {
        return jdbc.sql("SELECT COUNT(*) FROM allocation WHERE closed_at IS NOT NULL AND hall_id IN ("
                        + String.join(",", halls.stream().map(h -> Long.toString(h.id())).toList()) + ")")
                .query(Integer.class).single();
    }

    int claims(List<Hall> halls) {
        return jdbc.sql("SELECT COUNT(*) FROM seat_claim WHERE screening_id IN ("
                        + String.join(",", halls.stream().map(h -> Long.toString(h.screeningId())).toList()) + ")")
                .query(Integer.class).single();
    }

    int outboxRows(String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM expiry_event WHERE order_id = ?").param(orderId)
                .query(Integer.class).single();
    }

    private void allocation(Hall hall, String orderId, Instant until, String... seats) {
        jdbc.sql("INSERT INTO allocation (order_id, screening_id, hall_id, outcome, seats, hold_until, fencing_token,"
                        + " decided_at) VALUES (?, ?, ?, 'HELD', ?, ?, 1, ?)")
                .params(orderId, hall.screeningId(), hall.id(), String.join(",", seats), Timestamp.from(until),
                        Timestamp.from(Instant.now()))
                .update();
    }

    private void claim(Hall hall, String seat, String orderId, Instant until) {
        jdbc.sql("INSERT INTO seat_claim (screening_id, seat_label, order_id, customer_id, hold_until, fencing_token)"
                        + " VALUES (?, ?, ?, 'c', ?, 1)")
                .params(hall.screeningId(), seat, orderId, until == null ? null : Timestamp.from(until)).update();
    }

    private static String state(Timestamp holdUntil, Instant now) {
        return holdUntil == null ? "SOLD" : holdUntil.toInstant().isAfter(now) ? "HELD" : "LAPSED";
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
