package dev.marquee.expiry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dev.marquee.ledger.FencingToken;
import dev.marquee.ledger.HallFence;
import dev.marquee.ledger.HallLock;
import dev.marquee.ledger.HoldClosing;
import dev.marquee.ledger.Holds;
import dev.marquee.ledger.OpenHold;
import dev.marquee.ledger.SeatClaim;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends one hall's lapsed holds. Under the hall's lock (had within a short wait, or the hall is passed by), in one
 * transaction that first admits the lock's fencing token: re-read the hall's open lapsed holds {@code FOR UPDATE},
 * decide each ({@link HoldExpiry}), release, extend and close them, and record the events they cause in the
 * outbox. A writer whose lock lapsed is refused by the fence and writes nothing; a hold is closed once because
 * every close is guarded by {@code closed_at IS NULL}.
 */
@Service
public class HallExpiry {

    private final HallLock lock;
    private final HallFence fence;
    private final Holds holds;
    private final EventOutbox outbox;
    private final HoldExpiry policy;
    private final ExpiryProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    HallExpiry(HallLock lock, HallFence fence, Holds holds, EventOutbox outbox,
               HoldExpiry policy, ExpiryProperties properties, TransactionTemplate transaction, Clock clock) {
        this.lock = lock;
        this.fence = fence;
        this.holds = holds;
        this.outbox = outbox;
        this.policy = policy;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return the hall's round, committed; empty if another writer held the hall's lock */
    public Optional<HallRound> expire(long hallId) {
        return lock.tryRunLocked(hallId, properties.lockWait(),
                token -> transaction.execute(status -> decideAndWrite(token)));
    }

    private HallRound decideAndWrite(FencingToken token) {
        fence.admit(token);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<OpenHold> lapsed = holds.lapsedForUpdate(token.hallId(), now, properties.batchSize());
        if (lapsed.isEmpty()) {
            return new HallRound(token.hallId(), List.of(), List.of(), false, now);
        }
        List<String> orderIds = lapsed.stream().map(OpenHold::orderId).toList();
        Map<String, List<SeatClaim>> claims = holds.claimsOf(orderIds);
        List<Verdict> verdicts = lapsed.stream().map(hold -> policy.decide(hold,
                claims.getOrDefault(hold.orderId(), List.of()), hold.paymentInFlight(), now)).toList();
        List<ExpiryEvent> events = write(verdicts, token, now);
        outbox.append(events);
        return new HallRound(token.hallId(), verdicts, events, lapsed.size() >= properties.batchSize(), now);
    }

    private List<ExpiryEvent> write(List<Verdict> verdicts, FencingToken token, Instant now) {
        Set<SeatClaim> released = new HashSet<>(holds.release(verdicts.stream()
                .flatMap(v -> v instanceof Verdict.Release r ? r.lapsed().stream() : Stream.empty())
                .toList(), now));
        List<HoldClosing> closings = new ArrayList<>();
        List<ExpiryEvent> events = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            switch (verdict) {
                case Verdict.Paid paid -> closings.add(paid.closing());
                case Verdict.Extend extend -> {
                    holds.extend(extend.hold(), extend.seats(), extend.deadline(), token.value(), now);
                    events.add(extend.event(token.value(), now));
                }
                case Verdict.Release release -> {
                    List<String> labels = release.lapsed().stream().filter(released::contains)
                            .map(SeatClaim::seatLabel).toList();
                    closings.add(release.closing(labels));
                    events.addAll(release.events(labels, token.value(), now));
                }
            }
        }
        int closed = holds.close(closings, now).size();
        if (closed != closings.size()) {
            throw new IllegalStateException("hall " + token.hallId() + ": " + (closings.size() - closed)
                    + " holds were closed by someone else under the hall lock; the transaction is rolled back");
        }
        return events;
    }
}
