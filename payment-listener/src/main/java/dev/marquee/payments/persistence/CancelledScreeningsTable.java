package dev.marquee.payments.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.marquee.payments.CancelledScreenings;
import dev.marquee.payments.Trade;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code cancelled_screening} and {@code payment_catalog_event} tables (db/payment-listener V4). */
public class CancelledScreeningsTable implements CancelledScreenings {

    private final JdbcClient jdbc;

    public CancelledScreeningsTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isCancelled(long screeningId) {
        return jdbc.sql("SELECT COUNT(*) FROM cancelled_screening WHERE screening_id = ?").param(screeningId)
                .query(Long.class).single() > 0;
    }

    @Override
    public void cancel(long screeningId, long hallId, String reason, Instant at) {
        jdbc.sql("INSERT IGNORE INTO cancelled_screening (screening_id, hall_id, reason, cancelled_at)"
                + " VALUES (?, ?, ?, ?)").params(screeningId, hallId, reason, Timestamp.from(at)).update();
    }

    @Override
    public List<Trade> paidTrades(long screeningId) {
        return jdbc.sql("SELECT " + PaymentTrades.COLUMNS.replaceAll("(^|, )", "$1t.") + " FROM payment_trade t"
                        + " JOIN known_order o ON o.order_id = t.order_id WHERE o.screening_id = ? AND t.outcome = 'PAID'"
                        + " ORDER BY t.gateway, t.trade_no")
                .param(screeningId).query(PaymentTrades::trade).list();
    }

    @Override
    public boolean applied(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM payment_catalog_event WHERE event_id = ?").param(eventId)
                .query(Long.class).single() > 0;
    }

    @Override
    public void markApplied(String eventId, Instant at) {
        jdbc.sql("INSERT IGNORE INTO payment_catalog_event (event_id, applied_at) VALUES (?, ?)")
                .params(eventId, Timestamp.from(at)).update();
    }
}
