package dev.marquee.boxoffice.persistence;

import java.time.LocalDate;
import java.util.List;

import dev.marquee.boxoffice.Cell;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rebuild's table work: fresh copies of the live tables to fill, the comparison of the filled cells with the
 * live ones, and the swap of all three tables in one atomic {@code RENAME TABLE}.
 */
public final class RebuildTables {

    private static final int DIFFERENCES_LISTED = 100;

    private final JdbcTemplate jdbc;

    public RebuildTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Drops what an interrupted rebuild left and creates empty rebuild tables shaped like the live ones. */
    public void prepare() {
        dropRebuild();
        dropRetired();
        for (int i = 0; i < 3; i++) {
            jdbc.execute("CREATE TABLE " + ProjectionTables.REBUILD.all().get(i) + " LIKE "
                    + ProjectionTables.LIVE.all().get(i));
        }
    }

    /**
     * The cells whose figures differ between the live and the rebuilt tables (a cell missing on one side counts as
     * zero there), the first {@value #DIFFERENCES_LISTED} by key, and how many there are.
     */
    public CellComparison compare() {
        String live = ProjectionTables.LIVE.cell();
        String rebuilt = ProjectionTables.REBUILD.cell();
        String differing = "SELECT l.movie_id, l.cinema_id, l.day, l.currency, l.revenue_minor AS live_revenue,"
                + " l.tickets AS live_tickets, COALESCE(r.revenue_minor, 0) AS rebuilt_revenue,"
                + " COALESCE(r.tickets, 0) AS rebuilt_tickets FROM " + live + " l LEFT JOIN " + rebuilt + " r"
                + " ON r.movie_id = l.movie_id AND r.cinema_id = l.cinema_id AND r.day = l.day"
                + " AND r.currency = l.currency"
                + " WHERE l.revenue_minor <> COALESCE(r.revenue_minor, 0) OR l.tickets <> COALESCE(r.tickets, 0)"
                + " UNION ALL SELECT r.movie_id, r.cinema_id, r.day, r.currency, 0, 0, r.revenue_minor, r.tickets"
                + " FROM " + rebuilt + " r LEFT JOIN " + live + " l ON l.movie_id = r.movie_id"
                + " AND l.cinema_id = r.cinema_id AND l.day = r.day AND l.currency = r.currency"
                + " WHERE l.movie_id IS NULL AND (r.revenue_minor <> 0 OR r.tickets <> 0)";
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM (" + differing + ") d", Long.class);
        List<CellDifference> listed = jdbc.query("SELECT * FROM (" + differing + ") d"
                + " ORDER BY movie_id, cinema_id, day, currency LIMIT " + DIFFERENCES_LISTED, (rs, n) ->
                new CellDifference(new Cell(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
        return new CellComparison(count == null ? 0 : count, listed);
    }

    /**
     * Puts the rebuilt tables in place of the live ones in one statement (readers see the old tables or the new
     * ones, never a mix), then drops the old ones.
     */
    public void swap() {
        StringBuilder rename = new StringBuilder("RENAME TABLE ");
        for (int i = 0; i < 3; i++) {
            rename.append(i == 0 ? "" : ", ")
                    .append(ProjectionTables.LIVE.all().get(i)).append(" TO ").append(ProjectionTables.RETIRED.all().get(i))
                    .append(", ")
                    .append(ProjectionTables.REBUILD.all().get(i)).append(" TO ").append(ProjectionTables.LIVE.all().get(i));
        }
        jdbc.execute(rename.toString());
        dropRetired();
    }

    public void dropRebuild() {
        jdbc.execute("DROP TABLE IF EXISTS " + String.join(", ", ProjectionTables.REBUILD.all()));
    }

    private void dropRetired() {
        jdbc.execute("DROP TABLE IF EXISTS " + String.join(", ", ProjectionTables.RETIRED.all()));
    }

    /** The cells that differ, the first of them listed. */
    public record CellComparison(long differing, List<CellDifference> listed) {

        public boolean equal() {
            return differing == 0;
        }
    }

    /** A cell's figures live and rebuilt. */
    public record CellDifference(Cell cell, long liveRevenueMinor, long liveTickets, long rebuiltRevenueMinor,
                                 long rebuiltTickets) {
    }
}
