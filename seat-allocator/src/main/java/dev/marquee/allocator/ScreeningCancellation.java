package dev.marquee.allocator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.marquee.ledger.HallFence;
import dev.marquee.ledger.HallLock;
import dev.marquee.ledger.Holds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A cancelled screening sells nothing more: under the hall's lock and behind its fence (like every seat writer),
 * in one transaction, it is marked cancelled in the allocator's copy and every open hold of it is released. An
 * allocation round takes the same lock and reads the mark inside its transaction, so no order is held for the
 * screening once this committed.
 */
@Service
public class ScreeningCancellation {

    private final HallLock lock;
    private final HallFence fence;
    private final Holds holds;
    private final Screenings screenings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ScreeningCancellation(HallLock lock, HallFence fence, Holds holds, Screenings screenings,
                          TransactionTemplate transaction, Clock clock) {
        this.lock = lock;
        this.fence = fence;
        this.holds = holds;
        this.screenings = screenings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @return every hold of the screening its cancellation released (order id → seats given back), this time or an
     * earlier one, with the fencing token of this writer: sending their events again is harmless (same event ids)
     */
    public Released cancel(long screeningId, long hallId) {
        return lock.runLocked(hallId, token -> transaction.execute(status -> {
            fence.admit(token);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            screenings.cancel(screeningId, hallId, now);
            holds.releaseCancelled(holds.openOfScreeningForUpdate(hallId, screeningId), now);
            return new Released(screeningId, hallId, holds.closedByCancellation(screeningId), token.value(), now);
        }));
    }

    /** The holds a cancellation released, by order id, and who released them when. */
    public record Released(long screeningId, long hallId, Map<String, List<String>> seatsByOrder,
                           long fencingToken, Instant at) {
    }
}
