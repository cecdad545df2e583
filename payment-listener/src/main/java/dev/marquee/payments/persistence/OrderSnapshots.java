package dev.marquee.payments.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.marquee.payments.OrderSnapshot;
import dev.marquee.payments.Orders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code known_order} table: the listener's own copy of what each order's OrderRequested said, written by the
 * {@code payment-orders} consumer. A request is stored once; its redelivery changes nothing.
 */
public final class OrderSnapshots implements Orders {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public OrderSnapshots(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public Optional<OrderSnapshot> find(String orderId) {
        return jdbc.sql("SELECT order_id, customer_id, screening_id, hall_id, movie_id, cinema_id, amount_minor,"
                        + " currency, screening_starts_at FROM known_order WHERE order_id = ?")
                .param(orderId)
                .query((rs, n) -> new OrderSnapshot(rs.getString("order_id"), rs.getString("customer_id"),
                        rs.getLong("screening_id"), rs.getLong("hall_id"), rs.getLong("movie_id"),
                        rs.getLong("cinema_id"), rs.getLong("amount_minor"), rs.getString("currency"),
                        rs.getTimestamp("screening_starts_at").toInstant()))
                .optional();
    }

    /**
     * The screening moved (ScreeningChanged): its orders are judged by the new start from now on (a late payment
     * re-takes seats only before it). Writing the same start again changes nothing, so a redelivery is harmless.
     */
    public void screeningMoved(long screeningId, Instant startsAt) {
        jdbc.sql("UPDATE known_order SET screening_starts_at = ? WHERE screening_id = ?")
                .params(Timestamp.from(startsAt), screeningId).update();
    }

    /** Stores these orders, in one batch; orders stored before are left as they are. */
    public void record(List<OrderSnapshot> orders) {
        template.batchUpdate("INSERT INTO known_order (order_id, customer_id, screening_id, hall_id, movie_id,"
                + " cinema_id, amount_minor, currency, screening_starts_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE order_id = order_id",
                orders, 500, (ps, o) -> {
                    ps.setString(1, o.orderId());
                    ps.setString(2, o.customerId());
                    ps.setLong(3, o.screeningId());
                    ps.setLong(4, o.hallId());
                    ps.setLong(5, o.movieId());
                    ps.setLong(6, o.cinemaId());
                    ps.setLong(7, o.amountMinor());
                    ps.setString(8, o.currency());
                    ps.setTimestamp(9, Timestamp.from(o.screeningStartsAt()));
                });
    }
}
