package dev.marquee.allocator.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import dev.marquee.allocator.HallLayout;
import dev.marquee.allocator.Halls;
import dev.marquee.allocator.Seat;
import dev.marquee.allocator.SeatType;
import dev.marquee.support.DemoDataProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hall grids from the allocator's own copy of the catalog ({@code allocator_hall_seat}, kept from
 * HallLayoutPublished by {@link CatalogCopy}). A hall sells its newest layout version; each version's grid is kept
 * in memory once read (a published version never changes). A hall nobody published a layout for has no seats, so
 * every seat asked of it is rejected as not in the hall.
 */
@Component
class CatalogHalls implements Halls {

    private final JdbcClient jdbc;
    private final Map<HallVersion, HallLayout> layouts = new ConcurrentHashMap<>();

    CatalogHalls(JdbcClient jdbc, DataSource dataSource, DemoDataProperties demo) {
        AllocatorSchema.migrate(dataSource, demo.demoData());
        this.jdbc = jdbc;
    }

    @Override
    public HallLayout of(long hallId) {
        Optional<Integer> version = jdbc.sql("SELECT layout_version FROM allocator_hall WHERE hall_id = ?")
                .param(hallId).query(Integer.class).optional();
        return version.map(v -> layouts.computeIfAbsent(new HallVersion(hallId, v), this::load))
                .orElseGet(() -> HallLayout.of(List.of()));
    }

    private HallLayout load(HallVersion hall) {
        List<Seat> seats = jdbc.sql("SELECT label, row_label, grid_row, grid_col, seat_type, pair_label"
                        + " FROM allocator_hall_seat WHERE hall_id = ? AND layout_version = ? ORDER BY grid_row, grid_col")
                .param(hall.hallId()).param(hall.version())
                .query((rs, n) -> new Seat(rs.getString("label"), rs.getString("row_label"), rs.getInt("grid_row"),
                        rs.getInt("grid_col"), SeatType.valueOf(rs.getString("seat_type")), rs.getString("pair_label")))
                .list();
        return HallLayout.of(seats);
    }

    private record HallVersion(long hallId, int version) {
    }
}
