package dev.marquee.orderapi.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Payments in {@code payment}, in plain SQL. A change is written only against the version it was read at: the
 * order-events listener and a customer's claim cannot overwrite each other's verdicts; the later one gets an
 * {@link OptimisticLockingFailureException} (transient: its listener retries, a request answers 503).
 */
@Component
public class Payments {

    private static final String SELECT = "SELECT id, order_id, gateway, amount_minor, currency, status, trade_no,"
            + " reason, retaken, created_at, updated_at, version FROM payment";

    private final JdbcClient jdbc;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Payment> findById(String id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Payments::payment).optional();
    }

    /** An order's payments, oldest first. */
    public List<Payment> ofOrder(String orderId) {
        return jdbc.sql(SELECT + " WHERE order_id = ? ORDER BY created_at, id").param(orderId)
                .query(Payments::payment).list();
    }

    /**
     * Writes the payment: a new one whole, a stored one only if it changed since it was read, checked against the
     * version it was read at.
     *
     * @throws OptimisticLockingFailureException if the payment was changed since it was read
     */
    public Payment save(Payment payment) {
        PaymentRow row = payment.row();
        if (payment.stored() == null) {
            jdbc.sql("INSERT INTO payment (id, order_id, gateway, amount_minor, currency, status, trade_no, reason,"
                            + " retaken, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                    .params(row.id(), row.orderId(), row.gateway(), row.amountMinor(), row.currency(),
                            row.status().name(), row.tradeNo(), row.reason(), row.retaken(),
                            Timestamp.from(row.createdAt()), Timestamp.from(row.updatedAt()))
                    .update();
            payment.storedAs(row, 0);
        } else if (!row.equals(payment.stored())) {
            int updated = jdbc.sql("UPDATE payment SET status = ?, trade_no = ?, reason = ?, retaken = ?,"
                            + " updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                    .params(row.status().name(), row.tradeNo(), row.reason(), row.retaken(),
                            Timestamp.from(row.updatedAt()), row.id(), payment.version())
                    .update();
            if (updated != 1) {
                throw new OptimisticLockingFailureException("payment " + row.id() + " was changed (or removed) since"
                        + " it was read at version " + payment.version());
            }
            payment.storedAs(row, payment.version() + 1);
        }
        return payment;
    }

    private static Payment payment(ResultSet rs, int n) throws SQLException {
        return Payment.of(new PaymentRow(rs.getString("id"), rs.getString("order_id"), rs.getString("gateway"),
                rs.getLong("amount_minor"), rs.getString("currency"), PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("trade_no"), rs.getString("reason"), rs.getBoolean("retaken"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()),
                rs.getLong("version"));
    }
}
