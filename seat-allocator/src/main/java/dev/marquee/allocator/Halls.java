package dev.marquee.allocator;

import java.util.Collection;
import java.util.Map;

/** Where the allocator finds the seat grids its screenings sell. */
public interface Halls {

    /**
     * The layout each of these screenings of the hall sells: the version it was scheduled with. A screening the
     * allocator has not heard of (its ScreeningScheduled not consumed yet) sells the hall's newest layout.
     *
     * @return a layout for every screening asked about
     */
    Map<Long, HallLayout> forScreenings(long hallId, Collection<Long> screeningIds);
}
