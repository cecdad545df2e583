package dev.marquee.allocator;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The allocator's own copy of the catalog, kept from catalog-events: hall layouts (read through {@link Halls}), the
 * layout version each screening sells and which screenings were cancelled. Each change is applied once per event id.
 */
public interface Screenings {

    /** Among these screenings, the cancelled ones; read inside the caller's transaction, under the hall's lock. */
    Set<Long> cancelledAmong(Collection<Long> screeningIds);

    /** Whether this catalog event was applied before. */
    boolean applied(String eventId);

    /** Records the catalog event as applied, in the caller's transaction. */
    void markApplied(String eventId, Instant now);

    /** Keeps a published layout and makes it the hall's current one (an older version never replaces a newer). */
    void publishLayout(long hallId, int version, List<Seat> seats);

    /**
     * Records the layout version the screening sells (ScreeningScheduled, ScreeningChanged), in the caller's
     * transaction; a cancellation recorded before stays.
     */
    void schedule(long screeningId, long hallId, int layoutVersion);

    /** Marks the screening cancelled, in the caller's transaction. */
    void cancel(long screeningId, long hallId, Instant at);
}
