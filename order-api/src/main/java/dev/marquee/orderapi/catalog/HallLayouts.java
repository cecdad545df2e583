package dev.marquee.orderapi.catalog;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Halls and their seat grids. A layout no screening uses is edited in place; once a screening was scheduled with
 * it, a changed grid becomes the next version and the screenings keep the seats they were sold with. Each layout
 * written is a HallLayoutPublished event.
 */
@Service
public class HallLayouts {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Ownership ownership;
    private final CatalogEvents events;

    HallLayouts(JdbcClient jdbc, JdbcTemplate batch, Ownership ownership, CatalogEvents events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.ownership = ownership;
        this.events = events;
    }

    public record Layout(long hallId, int layoutVersion, int seats) {
    }

    @Transactional
    public Layout createHall(Long actingFor, long cinemaId, String name, List<String> rows) {
        long merchant = ownership.cinema(actingFor, cinemaId);
        new Fields().required("name", name).check(name == null || name.length() <= 80, "name", "at most 80 characters")
                .orRefuse();
        List<GridSeat> seats = parsed(rows);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO hall (cinema_id, name, current_layout) VALUES (?, ?, 1)").params(cinemaId, name)
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            throw CatalogRefusedException.duplicate("hall", name);
        }
        long hallId = key.getKey().longValue();
        write(hallId, 1, seats);
        events.hallLayoutPublished(hallId, cinemaId, merchant, 1, seats);
        return new Layout(hallId, 1, seats.size());
    }

    @Transactional
    public Layout changeLayout(Long actingFor, long hallId, List<String> rows) {
        Ownership.HallOwner hall = ownership.hall(actingFor, hallId);
        List<GridSeat> seats = parsed(rows);
        int current = jdbc.sql("SELECT current_layout FROM hall WHERE id = ? FOR UPDATE").param(hallId)
                .query(Integer.class).single();
        boolean inUse = jdbc.sql("SELECT COUNT(*) FROM screening WHERE hall_id = ? AND layout_version = ?")
                .params(hallId, current).query(Long.class).single() > 0;
        int version = current;
        if (inUse) {
            version = jdbc.sql("SELECT COALESCE(MAX(layout_version), 0) + 1 FROM hall_seat WHERE hall_id = ?")
                    .param(hallId).query(Integer.class).single();
            jdbc.sql("UPDATE hall SET current_layout = ? WHERE id = ?").params(version, hallId).update();
        } else {
            jdbc.sql("DELETE FROM hall_seat WHERE hall_id = ? AND layout_version = ?").params(hallId, current)
                    .update();
        }
        write(hallId, version, seats);
        events.hallLayoutPublished(hallId, hall.cinemaId(), hall.merchantId(), version, seats);
        return new Layout(hallId, version, seats.size());
    }

    private static List<GridSeat> parsed(List<String> rows) {
        HallGrid grid = HallGrid.parse(rows);
        if (!grid.valid()) {
            throw CatalogRefusedException.layoutInvalid(grid.errors());
        }
        return grid.seats();
    }

    private void write(long hallId, int version, List<GridSeat> seats) {
        batch.batchUpdate("INSERT INTO hall_seat (hall_id, layout_version, label, row_label, grid_row, grid_col,"
                        + " seat_type, pair_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                seats.stream().map(s -> new Object[] {hallId, version, s.label(), s.rowLabel(), s.gridRow(),
                        s.gridCol(), s.seatType().name(), s.pairLabel()}).toList());
    }
}
