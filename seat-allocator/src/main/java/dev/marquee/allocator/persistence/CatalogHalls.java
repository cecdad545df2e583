package dev.marquee.allocator.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import dev.marquee.allocator.HallLayout;
import dev.marquee.allocator.Halls;
import dev.marquee.allocator.Seat;
import dev.marquee.allocator.SeatType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hall grids from the allocator's own copy of the catalog ({@code allocator_hall_seat}, kept from
 * HallLayoutPublished by {@link CatalogCopy}). A screening sells the layout version it was scheduled with
 * ({@code allocator_screening.layout_version}); one the allocator has not heard of sells its hall's newest. Each
 * hall and version's grid is kept in memory once read (a published version never changes). A hall nobody
 * published a layout for has no seats, so every seat asked of it is rejected as not in the hall.
 */
@Component
class CatalogHalls implements Halls {

    private static final HallLayout NO_SEATS = HallLayout.of(List.of());

    private final JdbcClient jdbc;
    private final Map<HallVersion, HallLayout> layouts = new ConcurrentHashMap<>();

    CatalogHalls(JdbcClient jdbc, DataSource dataSource) {
        AllocatorSchema.migrate(dataSource);
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, HallLayout> forScreenings(long hallId, Collection<Long> screeningIds) {
        Map<Long, Integer> versions = new HashMap<>();
        if (!screeningIds.isEmpty()) {
            jdbc.sql("SELECT screening_id, layout_version FROM allocator_screening WHERE screening_id IN (:ids)"
                            + " AND hall_id = :hall AND layout_version IS NOT NULL")
                    .param("ids", screeningIds).param("hall", hallId)
                    .query((rs, n) -> versions.put(rs.getLong(1), rs.getInt(2))).list();
        }
        Optional<Integer> newest = versions.size() == screeningIds.size() ? Optional.empty() : newest(hallId);
        Map<Long, HallLayout> byScreening = new HashMap<>();
        for (long screening : screeningIds) {
            Optional<Integer> version = Optional.ofNullable(versions.get(screening)).or(() -> newest);
            byScreening.put(screening, version.map(v -> layout(new HallVersion(hallId, v))).orElse(NO_SEATS));
        }
        return byScreening;
    }

    private Optional<Integer> newest(long hallId) {
        return jdbc.sql("SELECT layout_version FROM allocator_hall WHERE hall_id = ?")
                .param(hallId).query(Integer.class).optional();
    }

    /** A version with no seats yet (its HallLayoutPublished not applied) is not kept: it is read again next time. */
    private HallLayout layout(HallVersion hall) {
        HallLayout known = layouts.get(hall);
        if (known != null) {
            return known;
        }
        HallLayout loaded = load(hall);
        if (loaded.capacity() > 0) {
            layouts.put(hall, loaded);
        }
        return loaded;
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
