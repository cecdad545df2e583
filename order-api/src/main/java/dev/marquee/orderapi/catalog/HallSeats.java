package dev.marquee.orderapi.catalog;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The sellable seats of a hall's layout versions, read from {@code hall_seat}. */
@Component
class HallSeats {

    private final JdbcClient jdbc;

    HallSeats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The seats of one layout version of a hall, by row and column. */
    List<HallSeat> layout(long hallId, int layoutVersion) {
        return jdbc.sql("SELECT label, row_label, grid_row, grid_col, seat_type, pair_label FROM hall_seat"
                        + " WHERE hall_id = ? AND layout_version = ? ORDER BY grid_row, grid_col")
                .params(hallId, layoutVersion)
                .query((rs, n) -> new HallSeat(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }
}
