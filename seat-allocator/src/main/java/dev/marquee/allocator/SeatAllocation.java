package dev.marquee.allocator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.marquee.ledger.Allocation;
import dev.marquee.ledger.FencingToken;
import dev.marquee.ledger.HallFence;
import dev.marquee.ledger.HallLock;
import dev.marquee.ledger.SeatClaim;
import dev.marquee.ledger.SeatLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides all queued requests of one hall under one lock acquisition and one transaction: admit the fencing
 * token, read the hall's claims, decide in memory, write the claims and the answers.
 */
@Service
public class SeatAllocation {

    private final HallLock lock;
    private final HallFence fence;
    private final SeatLedger ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration holdFor;

    SeatAllocation(HallLock lock, HallFence fence, SeatLedger ledger, TransactionTemplate transaction, Clock clock,
                   @Value("${marquee.hold.duration:15m}") Duration holdFor) {
        this.lock = lock;
        this.fence = fence;
        this.ledger = ledger;
        this.transaction = transaction;
        this.clock = clock;
        this.holdFor = holdFor;
    }

    /** @return one answer per request, in request order */
    public List<Allocation> allocate(long hallId, List<SeatRequest> requests) {
        return lock.runLocked(hallId, token -> transaction.execute(status -> decideAndWrite(token, requests)));
    }

    private List<Allocation> decideAndWrite(FencingToken token, List<SeatRequest> requests) {
        fence.admit(token);
        Instant now = clock.instant();
        Set<String> orderIds = requests.stream().map(SeatRequest::orderId).collect(Collectors.toSet());
        Set<Long> screenings = requests.stream().map(SeatRequest::screeningId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, Map<String, SeatClaim>> claims = screenings.stream()
                .collect(Collectors.toMap(Function.identity(), ledger::claims));
        AllocationRound.Result result = new AllocationRound(claims, ledger.allocations(orderIds), token, holdFor, now)
                .decide(requests);
        ledger.claim(result.newClaims(), result.takeovers(), now);
        ledger.record(result.decided());
        return result.outcomes();
    }
}
