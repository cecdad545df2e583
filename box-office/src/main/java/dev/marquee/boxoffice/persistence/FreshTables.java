package dev.marquee.boxoffice.persistence;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.marquee.boxoffice.Cell;
import dev.marquee.boxoffice.CellFigures;
import dev.marquee.boxoffice.OrderSale;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills a rebuild's fresh (empty) tables from a tally, in bulk: {@code LOAD DATA LOCAL INFILE} where the driver and
 * the server allow it ({@link BulkLoad}), else multi-row inserts. Orders go in key order: InnoDB then appends to
 * its index instead of splitting pages all over it, several times faster for hundreds of thousands of orders.
 */
public final class FreshTables {

    private static final ProjectionTables TABLES = ProjectionTables.REBUILD;

    private final JdbcTemplate jdbc;
    private final BulkLoad<OrderSale> loadOrders = new BulkLoad<>(TABLES.order(), ProjectionStore.ORDER_COLUMNS,
            FreshTables::orderFields);
    private final BulkLoad<CellFigures> loadCells = new BulkLoad<>(TABLES.cell(), ProjectionStore.CELL_COLUMNS,
            (f, row) -> row.field(f.cell().movieId()).field(f.cell().cinemaId()).field(f.cell().day())
                    .field(f.cell().currency()).field(f.revenueMinor()).field(f.tickets()));
    private final MultiRowWrite<OrderSale> insertOrders = new MultiRowWrite<>("INSERT INTO " + TABLES.order() + " ("
            + ProjectionStore.ORDER_COLUMNS + ") VALUES ", 10, "", ProjectionStore::orderRow,
            ProjectionStore.ROWS_PER_STATEMENT);
    private final MultiRowWrite<CellFigures> insertCells = new MultiRowWrite<>("INSERT INTO " + TABLES.cell() + " ("
            + ProjectionStore.CELL_COLUMNS + ") VALUES ", 6, "", ProjectionStore::cellRow,
            ProjectionStore.ROWS_PER_STATEMENT);

    public FreshTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void fill(Collection<CellFigures> cells, Collection<OrderSale> orders, Map<TopicPartition, Long> offsets) {
        boolean bulk = BulkLoad.available(jdbc.getDataSource());
        write(bulk, loadCells, insertCells, List.copyOf(cells));
        OrderSale[] sorted = orders.toArray(OrderSale[]::new);
        Arrays.parallelSort(sorted, (a, b) -> a.orderId().compareTo(b.orderId()));
        write(bulk, loadOrders, insertOrders, Arrays.asList(sorted));
        new ProjectionStore(jdbc, TABLES).saveOffsets(offsets);
    }

    private <T> void write(boolean bulk, BulkLoad<T> load, MultiRowWrite<T> insert, List<T> rows) {
        if (!bulk) {
            insert.write(jdbc, rows);
            return;
        }
        try {
            load.load(jdbc.getDataSource(), rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load " + rows.size() + " rows: " + e.getMessage(), e);
        }
    }

    private static void orderFields(OrderSale sale, BulkLoad.Row row) {
        Cell cell = sale.cell();
        List<String> refunds = sale.refundEventIds();
        row.field(sale.orderId()).field(sale.tradeNo()).field(cell == null ? null : cell.movieId())
                .field(cell == null ? null : cell.cinemaId()).field(cell == null ? null : cell.day())
                .field(cell == null ? null : cell.currency()).field(sale.amountMinor()).field(sale.tickets())
                .field(sale.refundedMinor()).field(refunds.isEmpty() ? null : String.join(",", refunds));
    }
}
