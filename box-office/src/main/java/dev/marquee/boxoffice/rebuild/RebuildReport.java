package dev.marquee.boxoffice.rebuild;

import java.time.Duration;
import java.util.List;

import dev.marquee.boxoffice.persistence.RebuildTables.CellDifference;

/**
 * What a rebuild did: the events it read from offset 0 to the live offsets (and how many could not be decoded),
 * how long reading and folding, writing the fresh tables and the whole took, the cells and orders it wrote,
 * whether its figures equal the live ones (else how many cells differ and the first of them), and whether it was
 * swapped in.
 */
public record RebuildReport(long events, long undecodable, Duration readTime, Duration writeTime, Duration wallTime,
                            int cells, int orders, boolean equal, long differingCells,
                            List<CellDifference> differences, boolean swapped) {

    public RebuildReport {
        differences = List.copyOf(differences);
    }

    /** Events read per second of the whole rebuild (reading, folding, writing, comparing and swapping). */
    public double eventsPerSecond() {
        return events * 1e9 / Math.max(1, wallTime.toNanos());
    }

    /** Events read and folded per second of the reading alone. */
    public double readEventsPerSecond() {
        return events * 1e9 / Math.max(1, readTime.toNanos());
    }
}
