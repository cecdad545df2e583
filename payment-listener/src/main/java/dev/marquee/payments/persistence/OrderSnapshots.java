package dev.marquee.payments.persistence;

import java.util.Optional;

import dev.marquee.payments.OrderSnapshot;
import dev.marquee.payments.Orders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads orders from order-api's {@code customer_order} and their movie and cinema from its catalog (read-only;
 * a deployment with one database per service would feed this from the order topics).
 */
public final class OrderSnapshots implements Orders {

    private final JdbcClient jdbc;

    public OrderSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrderSnapshot> find(String orderId) {
        return jdbc.sql("SELECT o.id, o.customer_id, o.screening_id, o.hall_id, o.amount_minor, o.currency,"
                        + " s.movie_id, h.cinema_id FROM customer_order o JOIN screening s ON s.id = o.screening_id"
                        + " JOIN hall h ON h.id = o.hall_id WHERE o.id = ?")
                .param(orderId)
                .query((rs, n) -> new OrderSnapshot(rs.getString("id"), rs.getString("customer_id"),
                        rs.getLong("screening_id"), rs.getLong("hall_id"), rs.getLong("movie_id"),
                        rs.getLong("cinema_id"), rs.getLong("amount_minor"), rs.getString("currency")))
                .optional();
    }
}
