package dev.marquee.orderapi.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * What orders and seat maps read of the catalog: a screening and the seats of its hall's layout. Both are read on
 * every order, so they are kept for {@code marquee.catalog.cache-ttl} (default 30 s): a flash crowd costs the
 * catalog one query per screening and layout per TTL, not two per order. A cancel or publish made through this
 * instance is seen at once ({@link #forget}); other instances see it within the TTL, and the allocator refuses
 * orders of a cancelled screening whatever the edge let through.
 */
@Component
public class Catalog {

    private final Screenings screenings;
    private final HallSeats seats;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Long, Cached<Optional<Screening>>> screeningCache = new ConcurrentHashMap<>();
    private final Map<LayoutKey, Cached<SeatIndex>> layoutCache = new ConcurrentHashMap<>();

    Catalog(Screenings screenings, HallSeats seats, Clock clock,
            CatalogProperties properties) {
        this.screenings = screenings;
        this.seats = seats;
        this.clock = clock;
        this.ttl = properties.cacheTtl();
    }

    /** The screening with its movie, hall and cinema loaded. */
    public Optional<Screening> screening(long id) {
        return cached(screeningCache, id, screenings::findWithHallById);
    }

    /** The merchant whose cinema shows this screening (whose staff manage its orders). */
    public Optional<Long> merchantOf(long screeningId) {
        return screening(screeningId).map(s -> s.hall().cinema().merchantId());
    }

    /** The seats of the screening's hall layout with these labels (unknown labels are left out). */
    public List<HallSeat> seats(Screening screening, Collection<String> labels) {
        Map<String, HallSeat> byLabel = grid(screening).byLabel();
        return labels.stream().map(byLabel::get).filter(seat -> seat != null).toList();
    }

    /** Every sellable seat of the screening's hall layout (the version it was scheduled with), by row and column. */
    public List<HallSeat> layout(Screening screening) {
        return grid(screening).seats();
    }

    private SeatIndex grid(Screening screening) {
        return cached(layoutCache, new LayoutKey(screening.hall().id(), screening.layoutVersion()),
                key -> SeatIndex.of(seats.layout(key.hallId(), key.version())));
    }

    /** Forgets a cached screening, so that its next order sees a change (a cancel) made by this instance at once. */
    public void forget(long screeningId) {
        screeningCache.remove(screeningId);
    }

    private <K, T> T cached(Map<K, Cached<T>> cache, K id, Function<K, T> load) {
        Instant now = clock.instant();
        Cached<T> entry = cache.get(id);
        if (entry == null || entry.expires().isBefore(now)) {
            entry = new Cached<>(load.apply(id), now.plus(ttl));
            cache.put(id, entry);
        }
        return entry.value();
    }

    private record LayoutKey(long hallId, int version) {
    }

    private record Cached<T>(T value, Instant expires) {
    }

    private record SeatIndex(List<HallSeat> seats, Map<String, HallSeat> byLabel) {
        static SeatIndex of(List<HallSeat> seats) {
            return new SeatIndex(List.copyOf(seats),
                    seats.stream().collect(Collectors.toUnmodifiableMap(HallSeat::label, Function.identity())));
        }
    }
}
