package dev.marquee.orderapi.payment;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tickets of paid orders. */
@Component
public class Tickets {

    /** A sold seat of a paid order; the code is what the cinema scans. */
    public record Ticket(String seat, String code, Instant issuedAt) {
    }

    private final JdbcClient jdbc;

    Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Ticket> of(String orderId) {
        return jdbc.sql("SELECT seat_label, ticket_code, issued_at FROM order_ticket WHERE order_id = ? ORDER BY seat_label")
                .param(orderId)
                .query((rs, row) -> new Ticket(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
