package dev.marquee.allocator.persistence;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.marquee.allocator.HallLayout;
import dev.marquee.allocator.Halls;
import dev.marquee.allocator.Seat;
import dev.marquee.allocator.SeatType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hall grids read from the catalog (order-api's {@code hall_seat} table, read-only) and kept: a hall's seats
 * do not change while it sells. A deployment with one database per service would feed this from a catalog topic.
 */
@Component
class CatalogHalls implements Halls {

    private final JdbcClient jdbc;
    private final Map<Long, HallLayout> layouts = new ConcurrentHashMap<>();

    CatalogHalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public HallLayout of(long hallId) {
        return layouts.computeIfAbsent(hallId, this::load);
    }

    private HallLayout load(long hallId) {
        List<Seat> seats = jdbc.sql("SELECT label, row_label, grid_row, grid_col, seat_type, pair_label"
                        + " FROM hall_seat WHERE hall_id = ? ORDER BY grid_row, grid_col")
                .param(hallId)
                .query((rs, n) -> new Seat(rs.getString("label"), rs.getString("row_label"), rs.getInt("grid_row"),
                        rs.getInt("grid_col"), SeatType.valueOf(rs.getString("seat_type")), rs.getString("pair_label")))
                .list();
        return HallLayout.of(seats);
    }
}
