package dev.marquee.boxoffice.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.boxoffice.Cell;
import dev.marquee.boxoffice.CellFigures;
import dev.marquee.boxoffice.OrderSale;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Reads and writes one copy of the projection's tables ({@link ProjectionTables}): order states, cell figures and
 * consumed offsets, always many rows per statement. Transactions are the caller's.
 */
public final class ProjectionStore {

    static final int ROWS_PER_STATEMENT = 1_000;
    static final String CELL_COLUMNS = "movie_id, cinema_id, day, currency, revenue_minor, tickets";
    static final String ORDER_COLUMNS = "order_id, trade_no, movie_id, cinema_id, day, currency, amount_minor,"
            + " tickets, refunded_minor, refund_event_ids";

    private final JdbcTemplate jdbc;
    private final ProjectionTables tables;
    private final MultiRowWrite<OrderSale> upsertOrders;
    private final MultiRowWrite<CellFigures> addToCells;
    private final MultiRowWrite<Map.Entry<TopicPartition, Long>> saveOffsets;

    public ProjectionStore(JdbcTemplate jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
        String orders = "INSERT INTO " + tables.order() + " (" + ORDER_COLUMNS + ") VALUES ";
        this.upsertOrders = new MultiRowWrite<>(orders, 10, " ON DUPLICATE KEY UPDATE trade_no = VALUES(trade_no),"
                + " movie_id = VALUES(movie_id), cinema_id = VALUES(cinema_id), day = VALUES(day),"
                + " currency = VALUES(currency), amount_minor = VALUES(amount_minor), tickets = VALUES(tickets),"
                + " refunded_minor = VALUES(refunded_minor), refund_event_ids = VALUES(refund_event_ids)",
                ProjectionStore::orderRow, ROWS_PER_STATEMENT);
        String cells = "INSERT INTO " + tables.cell() + " (" + CELL_COLUMNS + ") VALUES ";
        this.addToCells = new MultiRowWrite<>(cells, 6, " ON DUPLICATE KEY UPDATE"
                + " revenue_minor = revenue_minor + VALUES(revenue_minor), tickets = tickets + VALUES(tickets)",
                ProjectionStore::cellRow, ROWS_PER_STATEMENT);
        this.saveOffsets = new MultiRowWrite<>("INSERT INTO " + tables.offset() + " (topic, partition_no, next_offset)"
                + " VALUES ", 3, " ON DUPLICATE KEY UPDATE next_offset = VALUES(next_offset)",
                e -> new Object[] {e.getKey().topic(), e.getKey().partition(), e.getValue()}, ROWS_PER_STATEMENT);
    }

    public ProjectionTables tables() {
        return tables;
    }

    /** The saved states of these orders (those that have one), locked for update until the transaction ends. */
    public List<OrderSale> lockOrders(Collection<String> orderIds) {
        List<String> ids = orderIds.stream().distinct().sorted().toList();
        List<OrderSale> sales = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += ROWS_PER_STATEMENT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_STATEMENT));
            sales.addAll(jdbc.query("SELECT " + ORDER_COLUMNS + " FROM " + tables.order() + " WHERE order_id IN ("
                    + "?, ".repeat(chunk.size() - 1) + "?) FOR UPDATE", (rs, n) -> sale(rs), chunk.toArray()));
        }
        return sales;
    }

    /** Inserts or replaces these order states. */
    public void saveOrders(Collection<OrderSale> sales) {
        upsertOrders.write(jdbc, sales.stream().sorted((a, b) -> a.orderId().compareTo(b.orderId())).toList());
    }

    /** Adds these changes to the cells' figures (a cell not there yet starts from zero), in key order. */
    public void addToCells(Collection<CellFigures> deltas) {
        addToCells.write(jdbc, deltas.stream().filter(d -> d.revenueMinor() != 0 || d.tickets() != 0)
                .sorted((a, b) -> a.cell().compareTo(b.cell())).toList());
    }

    public void saveOffsets(Map<TopicPartition, Long> nextOffsets) {
        saveOffsets.write(jdbc, nextOffsets.entrySet());
    }

    /** The next offset to consume, per partition consumed so far. */
    public Map<TopicPartition, Long> offsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        jdbc.query("SELECT topic, partition_no, next_offset FROM " + tables.offset(), rs -> {
            offsets.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
        });
        return offsets;
    }

    public List<CellFigures> cells() {
        return jdbc.query("SELECT movie_id, cinema_id, day, currency, revenue_minor, tickets FROM " + tables.cell()
                + " ORDER BY movie_id, cinema_id, day, currency", (rs, n) -> new CellFigures(
                new Cell(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4)),
                rs.getLong(5), rs.getLong(6)));
    }

    public long orderCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + tables.order(), Long.class);
        return count == null ? 0 : count;
    }

    static Object[] orderRow(OrderSale sale) {
        Cell cell = sale.cell();
        List<String> refunds = sale.refundEventIds();
        return new Object[] {
                sale.orderId(),
                new SqlParameterValue(Types.VARCHAR, sale.tradeNo()),
                new SqlParameterValue(Types.BIGINT, cell == null ? null : cell.movieId()),
                new SqlParameterValue(Types.BIGINT, cell == null ? null : cell.cinemaId()),
                new SqlParameterValue(Types.DATE, cell == null ? null : Date.valueOf(cell.day())),
                new SqlParameterValue(Types.VARCHAR, cell == null ? null : cell.currency()),
                sale.amountMinor(),
                new SqlParameterValue(Types.INTEGER, sale.tickets()),
                sale.refundedMinor(),
                new SqlParameterValue(Types.VARCHAR, refunds.isEmpty() ? null : String.join(",", refunds))};
    }

    static Object[] cellRow(CellFigures f) {
        Cell c = f.cell();
        return new Object[] {c.movieId(), c.cinemaId(), Date.valueOf(c.day()), c.currency(), f.revenueMinor(),
                f.tickets()};
    }

    private static OrderSale sale(ResultSet rs) throws SQLException {
        String tradeNo = rs.getString(2);
        Cell cell = tradeNo == null ? null : new Cell(rs.getLong(3), rs.getLong(4), rs.getObject(5, LocalDate.class),
                rs.getString(6));
        int tickets = rs.getInt(8);
        Integer knownTickets = rs.wasNull() ? null : tickets;
        String refunds = rs.getString(10);
        return OrderSale.restore(rs.getString(1), tradeNo, cell, rs.getLong(7), knownTickets, rs.getLong(9),
                refunds == null ? List.of() : Arrays.asList(refunds.split(",")));
    }
}
