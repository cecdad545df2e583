package dev.marquee.orderapi.catalog.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.marquee.orderapi.catalog.CatalogEvents;
import dev.marquee.orderapi.catalog.GridSeat;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Hall;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Halls and their seat grids. A new hall gets its grid as layout 1; a hall whose grid differs from its current
 * layout gets the grid as a new layout version (screenings keep the layout they were scheduled with), which new
 * screenings then get; either is published (HallLayoutPublished) in its chunk's transaction. A hall whose grid is
 * unchanged is left alone.
 */
record HallWrites(JdbcTemplate jdbc, SheetWrites writes, CatalogEvents events, boolean dry) {

    private static final String INSERT_SEAT = "INSERT INTO hall_seat (hall_id, layout_version, label, row_label, "
            + "grid_row, grid_col, seat_type, pair_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    ImportCounts write(List<Hall> halls, CatalogIds ids) {
        Map<Long, Set<String>> current = currentLayouts();
        List<Upsert.Row> inserts = new ArrayList<>();
        List<Upsert.Row> updates = new ArrayList<>();
        int unchanged = 0;
        for (Hall hall : halls) {
            CatalogIds.HallId id = ids.hall(hall.cinema(), hall.name());
            Upsert.Row row = new Upsert.Row(List.of(hall.cinema(), hall.name()), List.of(hall));
            if (id == null) {
                inserts.add(row);
            } else if (!seatSet(hall.seats()).equals(current.getOrDefault(id.id(), Set.of()))) {
                updates.add(row);
            } else {
                unchanged++;
            }
        }
        Upsert.Plan plan = new Upsert.Plan(inserts, updates, unchanged);
        if (!dry) {
            writes.run(Sheet.HALLS, plan, (newHalls, changed) -> {
                newHalls.forEach(r -> insertHall((Hall) r.values().getFirst(), ids));
                changed.forEach(r -> {
                    Hall hall = (Hall) r.values().getFirst();
                    newLayout(hall, ids.hall(hall.cinema(), hall.name()), current);
                });
            });
        }
        return ImportCounts.of(Sheet.HALLS, plan);
    }

    private void insertHall(Hall hall, CatalogIds ids) {
        long cinemaId = ids.cinemas.get(hall.cinema());
        jdbc.update("INSERT INTO hall (cinema_id, name, current_layout) VALUES (?, ?, 1)", cinemaId, hall.name());
        Long hallId = jdbc.queryForObject("SELECT id FROM hall WHERE cinema_id = ? AND name = ?", Long.class,
                cinemaId, hall.name());
        insertSeats(hallId, 1, hall.seats());
        events.hallLayoutPublished(hallId, cinemaId, ids.merchantOfCinema.get(cinemaId), 1, hall.seats());
    }

    private void newLayout(Hall hall, CatalogIds.HallId id, Map<Long, Set<String>> current) {
        int version = current.containsKey(id.id()) ? id.currentLayout() + 1 : id.currentLayout();
        insertSeats(id.id(), version, hall.seats());
        jdbc.update("UPDATE hall SET current_layout = ? WHERE id = ?", version, id.id());
        events.hallLayoutPublished(id.id(), id.cinemaId(), id.merchantId(), version, hall.seats());
    }

    private void insertSeats(long hallId, int version, List<GridSeat> seats) {
        jdbc.batchUpdate(INSERT_SEAT, seats.stream().map(s -> new Object[] {hallId, version, s.label(), s.rowLabel(),
                s.gridRow(), s.gridCol(), s.seatType().name(), s.pairLabel()}).toList());
    }

    private Map<Long, Set<String>> currentLayouts() {
        Map<Long, Set<String>> layouts = new HashMap<>();
        jdbc.query("SELECT s.hall_id, s.label, s.row_label, s.grid_row, s.grid_col, s.seat_type, s.pair_label "
                + "FROM hall_seat s JOIN hall h ON h.id = s.hall_id AND s.layout_version = h.current_layout", rs -> {
            layouts.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(String.join("|", rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), String.valueOf(rs.getString(7))));
        });
        return layouts;
    }

    private static Set<String> seatSet(List<GridSeat> seats) {
        Set<String> set = new HashSet<>();
        seats.forEach(s -> set.add(String.join("|", s.label(), s.rowLabel(), Integer.toString(s.gridRow()),
                Integer.toString(s.gridCol()), s.seatType().name(), String.valueOf(s.pairLabel()))));
        return set;
    }
}
