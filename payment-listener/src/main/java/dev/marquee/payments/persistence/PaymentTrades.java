package dev.marquee.payments.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.marquee.payments.PaymentCallback;
import dev.marquee.payments.SettlementReason;
import dev.marquee.payments.Trade;
import dev.marquee.payments.TradeLog;
import dev.marquee.payments.TradeOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code payment_trade} table: one row per settled gateway trade, keyed by gateway and trade number. */
public class PaymentTrades implements TradeLog {

    static final String COLUMNS = "gateway, trade_no, order_id, payment_id, outcome, reason, trade_status,"
            + " amount_minor, currency, seats, retaken, fencing_token, decided_at";

    private final JdbcClient jdbc;

    public PaymentTrades(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Trade> find(String gateway, String tradeNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_trade WHERE gateway = ? AND trade_no = ?")
                .param(gateway).param(tradeNo).query(PaymentTrades::trade).optional();
    }

    @Override
    public List<Trade> concerning(PaymentCallback callback) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_trade WHERE order_id = ?"
                        + " OR (gateway = ? AND trade_no = ?)")
                .param(callback.orderId()).param(callback.gateway()).param(callback.tradeNo())
                .query(PaymentTrades::trade).list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Trade trade) {
        jdbc.sql("INSERT INTO payment_trade (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(trade.gateway(), trade.tradeNo(), trade.orderId(), trade.paymentId(), trade.outcome().name(),
                        reason(trade), trade.tradeStatus(), trade.amountMinor(), trade.currency(),
                        String.join(",", trade.seats()), trade.retaken(), trade.fencingToken(),
                        Timestamp.from(trade.decidedAt()))
                .update();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void replaceFailed(Trade trade) {
        int updated = jdbc.sql("UPDATE payment_trade SET order_id = ?, payment_id = ?, outcome = ?, reason = ?,"
                        + " trade_status = ?, amount_minor = ?, currency = ?, seats = ?, retaken = ?, fencing_token = ?,"
                        + " decided_at = ? WHERE gateway = ? AND trade_no = ? AND outcome = 'FAILED'")
                .params(trade.orderId(), trade.paymentId(), trade.outcome().name(), reason(trade),
                        trade.tradeStatus(), trade.amountMinor(), trade.currency(), String.join(",", trade.seats()),
                        trade.retaken(), trade.fencingToken(), Timestamp.from(trade.decidedAt()), trade.gateway(),
                        trade.tradeNo())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("trade " + trade.gateway() + "/" + trade.tradeNo()
                    + " is no longer FAILED; the transaction is rolled back");
        }
    }

    @Override
    public List<Trade> withOutcome(TradeOutcome outcome, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_trade WHERE outcome = ? ORDER BY decided_at DESC LIMIT ?")
                .param(outcome.name()).param(limit).query(PaymentTrades::trade).list();
    }

    @Override
    public boolean refundFlagged(String gateway, String tradeNo, Instant at) {
        return jdbc.sql("UPDATE payment_trade SET outcome = 'REFUND', decided_at = ?"
                        + " WHERE gateway = ? AND trade_no = ? AND outcome = 'FLAGGED'")
                .params(Timestamp.from(at), gateway, tradeNo).update() == 1;
    }

    private static String reason(Trade trade) {
        return trade.reason() == null ? null : trade.reason().name();
    }

    static Trade trade(ResultSet rs, int row) throws SQLException {
        String seats = rs.getString("seats");
        long value = rs.getLong("fencing_token");
        Long token = rs.wasNull() ? null : value;
        String reason = rs.getString("reason");
        return new Trade(rs.getString("gateway"), rs.getString("trade_no"), rs.getString("order_id"),
                rs.getString("payment_id"), TradeOutcome.valueOf(rs.getString("outcome")),
                reason == null ? null : SettlementReason.valueOf(reason), rs.getString("trade_status"),
                rs.getLong("amount_minor"), rs.getString("currency"),
                seats.isEmpty() ? List.of() : List.of(seats.split(",")), rs.getBoolean("retaken"), token,
                rs.getTimestamp("decided_at").toInstant());
    }
}
