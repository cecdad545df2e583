package dev.marquee.orderapi.seatmap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.marquee.ledger.SeatClaim;
import dev.marquee.ledger.SeatLedger;
import dev.marquee.orderapi.catalog.Catalog;
import dev.marquee.orderapi.catalog.HallSeat;
import dev.marquee.orderapi.catalog.Screening;
import org.springframework.stereotype.Service;

/**
 * The seat map, built for a flash crowd: a screening's claims are read from the ledger at most once per
 * {@code marquee.seat-map.max-age} (default 250 ms) per instance, whatever the request rate, and the hall's layout
 * comes from the catalog's cache. Lazy expiry is applied when answering, so a lapsed hold shows FREE at once. A map is therefore at
 * most max-age behind the ledger; the allocator, not the map, decides who gets a seat.
 */
@Service
public class SeatMap {

    private final Catalog catalog;
    private final SeatLedger ledger;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<Long, Snapshot> claims = new ConcurrentHashMap<>();

    SeatMap(Catalog catalog, SeatLedger ledger, Clock clock,
            SeatMapProperties properties) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
        this.maxAge = properties.maxAge();
    }

    public Optional<SeatMapView> of(long screeningId) {
        return catalog.screening(screeningId).map(this::view);
    }

    private SeatMapView view(Screening screening) {
        Instant now = clock.instant();
        List<HallSeat> layout = catalog.layout(screening);
        Map<String, SeatClaim> current = claims(screening.id(), now);
        List<SeatMapView.SeatView> seats = new ArrayList<>(layout.size());
        int held = 0;
        int sold = 0;
        for (HallSeat seat : layout) {
            SeatState state = state(current.get(seat.label()), now);
            held += state == SeatState.HELD ? 1 : 0;
            sold += state == SeatState.SOLD ? 1 : 0;
            seats.add(new SeatMapView.SeatView(seat.label(), seat.rowLabel(), seat.gridRow(), seat.gridCol(),
                    seat.seatType(), seat.pairLabel(), state, screening.priceOf(seat.seatType()).orElse(null)));
        }
        return new SeatMapView(screening.id(), screening.hall().id(), screening.currency(), layout.size(),
                layout.size() - held - sold, held, sold, now, seats);
    }

    /**
     * What the edge may refuse at once, from the same cache: the seats among {@code labels} that are held or sold
     * right now, and how many seats are free. Never a reason to accept: only the allocator gives seats.
     */
    public Availability availability(Screening screening, Collection<String> labels) {
        Instant now = clock.instant();
        Map<String, SeatClaim> current = claims(screening.id(), now);
        List<String> taken = labels.stream().filter(l -> state(current.get(l), now) != SeatState.FREE).toList();
        long live = current.values().stream().filter(c -> c.isLiveAt(now)).count();
        return new Availability(taken, catalog.layout(screening).size() - (int) live);
    }

    public record Availability(List<String> taken, int free) {
    }

    private static SeatState state(SeatClaim claim, Instant now) {
        if (claim == null || !claim.isLiveAt(now)) {
            return SeatState.FREE;
        }
        return claim.isSold() ? SeatState.SOLD : SeatState.HELD;
    }

    private Map<String, SeatClaim> claims(long screeningId, Instant now) {
        Snapshot snapshot = claims.get(screeningId);
        if (snapshot != null && snapshot.readAt().plus(maxAge).isAfter(now)) {
            return snapshot.claims();
        }
        return claims.compute(screeningId, (id, old) -> old != null && old.readAt().plus(maxAge).isAfter(now)
                ? old : new Snapshot(ledger.claims(id), now)).claims();
    }

    private record Snapshot(Map<String, SeatClaim> claims, Instant readAt) {
    }
}
