package dev.marquee.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.marquee.gateway.simulator.GatewaySimulator;
import dev.marquee.gateway.simulator.Outcome;
import dev.marquee.gateway.simulator.Refund;
import dev.marquee.gateway.simulator.Trade;
import dev.marquee.stack.EmbeddedStack;

/**
 * What the database (and the gateway's books) say about a bench's orders: those of customers whose names start with
 * the bench's prefix ({@code bench-pay-} for the payments bench).
 */
final class PaymentLedger {

    private final EmbeddedStack stack;
    private final String benchOrders;

    PaymentLedger(EmbeddedStack stack) {
        this(stack, "bench-pay-");
    }

    PaymentLedger(EmbeddedStack stack, String customerPrefix) {
        if (!customerPrefix.matches("[a-z-]+")) {
            throw new IllegalArgumentException("a customer prefix of letters and dashes: " + customerPrefix);
        }
        this.stack = stack;
        this.benchOrders = "o.customer_id LIKE '" + customerPrefix + "%'";
    }

    long unsettled() throws SQLException {
        return single("SELECT COUNT(*) FROM customer_order o WHERE " + benchOrders
                + " AND o.status NOT IN ('PAID', 'REFUNDED')");
    }

    /** Orders not in an end state: neither paid, refunded, rejected, expired nor cancelled. */
    long unended() throws SQLException {
        return single("SELECT COUNT(*) FROM customer_order o WHERE " + benchOrders
                + " AND o.status IN ('REQUESTED', 'HELD', 'PAYMENT_PENDING', 'REFUND_PENDING')");
    }

    /** Seats that more than one paid order holds. */
    long seatsSoldTwice() throws SQLException {
        return single("SELECT COUNT(*) FROM (SELECT o.screening_id, s.seat_label FROM customer_order o JOIN order_seat s"
                + " ON s.order_id = o.id WHERE " + benchOrders + " AND o.status = 'PAID'"
                + " GROUP BY o.screening_id, s.seat_label HAVING COUNT(*) > 1) twice");
    }

    /** Orders by status. */
    Map<String, Long> statuses() throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        query("SELECT o.status, COUNT(*) FROM customer_order o WHERE " + benchOrders + " GROUP BY o.status",
                rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    /** When order-api saw each order paid: the PAID payment's last change. */
    Map<String, Instant> settledAt() throws SQLException {
        Map<String, Instant> at = new HashMap<>();
        query("SELECT o.id, p.updated_at FROM customer_order o JOIN payment p ON p.order_id = o.id AND p.status = 'PAID'"
                + " WHERE " + benchOrders, rs -> at.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
        return at;
    }

    PaymentsReport.Invariants invariants(GatewaySimulator gateway, Instant since, String api) throws Exception {
        Map<String, Long> refunded = gateway.refunds().stream()
                .collect(Collectors.groupingBy(Refund::tradeNo, Collectors.summingLong(Refund::amountMinor)));
        Map<String, Long> kept = new HashMap<>();
        for (Trade trade : gateway.trades()) {
            if (trade.outcome() == Outcome.SUCCESS && !trade.createdAt().isBefore(since)) {
                long keptAmount = trade.amountMinor() - refunded.getOrDefault(trade.tradeNo(), 0L);
                kept.merge(trade.outTradeNo(), keptAmount > 0 ? 1L : 0L, Long::sum);
            }
        }
        Map<String, String> orderOfPayment = new HashMap<>();
        query("SELECT p.id, p.order_id FROM payment p JOIN customer_order o ON o.id = p.order_id WHERE " + benchOrders,
                rs -> orderOfPayment.put(rs.getString(1), rs.getString(2)));
        Map<String, Long> chargesKeptPerOrder = kept.entrySet().stream().filter(e -> orderOfPayment.containsKey(e.getKey()))
                .collect(Collectors.groupingBy(e -> orderOfPayment.get(e.getKey()), Collectors.summingLong(Map.Entry::getValue)));
        long chargedTwice = chargesKeptPerOrder.values().stream().filter(n -> n > 1).count();
        long paidWithoutCharge = single("SELECT COUNT(*) FROM customer_order o WHERE " + benchOrders
                + " AND o.status = 'PAID'") - chargesKeptPerOrder.values().stream().filter(n -> n == 1).count();
        long soldNotPaid = single("SELECT COUNT(*) FROM seat_claim c JOIN customer_order o ON o.id = c.order_id WHERE "
                + benchOrders + " AND c.hold_until IS NULL AND o.status <> 'PAID'");
        long paidNotSold = single("SELECT COUNT(*) FROM customer_order o JOIN order_seat s ON s.order_id = o.id"
                + " LEFT JOIN seat_claim c ON c.screening_id = o.screening_id AND c.seat_label = s.seat_label"
                + " AND c.order_id = o.id AND c.hold_until IS NULL WHERE " + benchOrders
                + " AND o.status = 'PAID' AND c.order_id IS NULL");
        return new PaymentsReport.Invariants(chargedTwice, Math.max(0, paidWithoutCharge), soldNotPaid + paidNotSold,
                soldButShownFree(api), unsettled(), single("SELECT COUNT(*) FROM customer_order o WHERE " + benchOrders
                + " AND o.status = 'REFUNDED'"), single("SELECT COUNT(*) FROM payment p JOIN customer_order o"
                + " ON o.id = p.order_id WHERE " + benchOrders + " AND p.retaken"));
    }

    /** Seats sold in the database that the public seat map shows FREE. */
    private long soldButShownFree(String api) throws Exception {
        Map<Long, Set<String>> sold = new HashMap<>();
        query("SELECT c.screening_id, c.seat_label FROM seat_claim c JOIN customer_order o ON o.id = c.order_id WHERE "
                + benchOrders + " AND c.hold_until IS NULL",
                rs -> sold.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)));
        HttpClient http = HttpClient.newHttpClient();
        long shownFree = 0;
        for (var screening : sold.entrySet()) {
            String map = http.send(HttpRequest.newBuilder(URI.create(api + "/api/screenings/" + screening.getKey()
                    + "/seats")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Set<String> free = SeatMapJson.labelsIn(map, "FREE");
            shownFree += screening.getValue().stream().filter(free::contains).count();
        }
        return shownFree;
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }

    private long single(String sql) throws SQLException {
        long[] value = new long[1];
        query(sql, rs -> value[0] = rs.getLong(1));
        return value[0];
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword());
    }
}
