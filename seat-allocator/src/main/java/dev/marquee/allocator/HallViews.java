package dev.marquee.allocator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.marquee.ledger.SeatClaim;

/**
 * The allocator's in-memory views of halls' claims, for the {@code capacity} halls used most recently: a hall
 * further back is forgotten and read again from the database when its next batch comes. Safe for several
 * consumer threads.
 */
final class HallViews {

    private final int capacity;
    private final LinkedHashMap<Long, HallView> views;

    HallViews(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("at least one hall's view must be kept, not " + capacity);
        }
        this.capacity = capacity;
        this.views = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, HallView> eldest) {
                return size() > HallViews.this.capacity;
            }
        };
    }

    /** The hall's view if it is still the one committed with {@code token}: nobody wrote the hall since. */
    synchronized Optional<Map<Long, Map<String, SeatClaim>>> currentAt(long hallId, long token) {
        HallView view = views.get(hallId);
        return view != null && view.token() == token ? Optional.of(view.claims()) : Optional.empty();
    }

    synchronized void put(long hallId, long token, Map<Long, Map<String, SeatClaim>> claims) {
        views.put(hallId, new HallView(token, claims));
    }

    /** The view stays valid after a commit with {@code token} that wrote no claim, if it was current before. */
    synchronized void advance(long hallId, long previous, long token) {
        HallView view = views.get(hallId);
        if (view != null && view.token() == previous) {
            views.put(hallId, new HallView(token, view.claims()));
        }
    }

    synchronized void forget(long hallId) {
        views.remove(hallId);
    }

    synchronized void clear() {
        views.clear();
    }

    synchronized int size() {
        return views.size();
    }

    /** A hall's claims by screening, as of the commit made with {@code token}. */
    private record HallView(long token, Map<Long, Map<String, SeatClaim>> claims) {
    }
}
