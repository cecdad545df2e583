package dev.marquee.boxoffice.web;

import java.util.List;

import dev.marquee.boxoffice.persistence.RebuildTables.CellDifference;
import dev.marquee.boxoffice.rebuild.RebuildReport;

/** A rebuild's report as the API answers it: times in milliseconds, rates in events per second. */
record RebuildView(long events, long undecodable, long readMillis, long writeMillis, long wallMillis,
                   long eventsPerSecond, long readEventsPerSecond, int cells, int orders, boolean equal,
                   long differingCells, List<CellDifference> differences, boolean swapped) {

    static RebuildView of(RebuildReport r) {
        return new RebuildView(r.events(), r.undecodable(), r.readTime().toMillis(), r.writeTime().toMillis(),
                r.wallTime().toMillis(), Math.round(r.eventsPerSecond()), Math.round(r.readEventsPerSecond()),
                r.cells(), r.orders(), r.equal(), r.differingCells(), r.differences(), r.swapped());
    }
}
