package dev.marquee.payments.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.marquee.ledger.HallFence;
import dev.marquee.payments.CancelledScreenings;
import dev.marquee.payments.SettlementReason;
import dev.marquee.payments.Trade;
import dev.marquee.ledger.HallLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A cancelled screening's money goes back. Under the hall's lock and behind its fence (the lock every settlement
 * of the hall takes), in one transaction, the screening is marked cancelled and its paid trades are read: a
 * callback settled before is among them, one settled after finds the mark and is refunded itself
 * ({@link SettlementReason#SCREENING_CANCELLED}), so no seat of it is sold after the cancel and no payment is missed.
 */
@Service
class ScreeningRefunds {

    private final HallLock lock;
    private final HallFence fence;
    private final CancelledScreenings screenings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ScreeningRefunds(HallLock lock, HallFence fence, CancelledScreenings screenings, TransactionTemplate transaction,
                     Clock clock) {
        this.lock = lock;
        this.fence = fence;
        this.screenings = screenings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return the paid trades of the screening, whose money is to go back (every time: refunds are idempotent) */
    List<Trade> cancel(long screeningId, long hallId, String reason) {
        return lock.runLocked(hallId, token -> transaction.execute(status -> {
            fence.admit(token);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            screenings.cancel(screeningId, hallId, reason, now);
            return screenings.paidTrades(screeningId);
        }));
    }

    boolean applied(String eventId) {
        return screenings.applied(eventId);
    }

    void markApplied(String eventId) {
        transaction.executeWithoutResult(status -> screenings.markApplied(eventId, clock.instant()));
    }
}
