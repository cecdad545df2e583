package dev.marquee.allocator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.marquee.ledger.Allocation;
import dev.marquee.ledger.FencingToken;
import dev.marquee.ledger.HallFence;
import dev.marquee.ledger.HallLock;
import dev.marquee.ledger.SeatClaim;
import dev.marquee.ledger.SeatLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides the queued requests of one hall. Answers already recorded, and rejections that follow from the request
 * and the hall's layout alone, cost no lock and no write. The rest are decided under one lock acquisition and one
 * transaction: admit the fencing token, decide in memory, write the claims and answers in batches.
 * <p>
 * The hall's claims are kept in memory between batches. The fence says when that view is stale: if the token that
 * last wrote the hall is the one this instance last wrote with, nobody else wrote since; otherwise (another
 * instance after a rebalance, the payment listener, the expiry worker) the view is read again from the database.
 * Views are kept for the {@code marquee.allocator.hall-views} halls used most recently.
 * <p>
 * A request whose deciding fails for good (the same failure however often it is tried) is answered on its own by
 * {@link #isolate}, so that it cannot hold up its hall or its partition.
 */
@Service
public class SeatAllocation {

    private final HallLock lock;
    private final HallFence fence;
    private final SeatLedger ledger;
    private final Halls halls;
    private final Screenings screenings;
    private final AllocationPolicy policy;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HallViews views;

    SeatAllocation(HallLock lock, HallFence fence, SeatLedger ledger, Halls halls, Screenings screenings,
                   AllocationPolicy policy,
                   TransactionTemplate transaction, Clock clock,
                   AllocatorProperties properties) {
        this.lock = lock;
        this.fence = fence;
        this.ledger = ledger;
        this.halls = halls;
        this.screenings = screenings;
        this.policy = policy;
        this.transaction = transaction;
        this.clock = clock;
        this.views = new HallViews(properties.hallViews());
    }

    /** @return one answer per request, in request order */
    public List<Allocation> allocate(long hallId, List<SeatRequest> requests) {
        Map<Long, HallLayout> layouts = halls.forScreenings(hallId,
                requests.stream().map(SeatRequest::screeningId).collect(Collectors.toSet()));
        Instant now = clock.instant();
        Map<String, Allocation> answers = new HashMap<>(ledger.allocations(orderIds(requests)));
        List<SeatRequest> contested = new ArrayList<>();
        for (SeatRequest request : requests) {
            if (!answers.containsKey(request.orderId())) {
                AllocationRound.rejectOutright(request, layouts.get(request.screeningId()), policy, now)
                        .ifPresentOrElse(a -> answers.put(a.orderId(), a), () -> contested.add(request));
            }
        }
        if (!contested.isEmpty()) {
            lock.runLocked(hallId, token -> decideLocked(token, layouts, contested))
                    .forEach(a -> answers.put(a.orderId(), a));
        }
        return requests.stream().map(r -> answers.get(r.orderId())).toList();
    }

    /**
     * Answers a request whose deciding failed for good: REJECTED with reason INTERNAL_ERROR and a detail naming the
     * failure's type, no seats. It is recorded alone, under the hall's lock and behind its fence, with nothing but
     * the allocation row (none of the seat writes that may have failed), so a redelivery gets the same answer. An
     * answer recorded before wins.
     */
    public Allocation isolate(long hallId, SeatRequest request, Throwable failure) {
        Allocation rejection = Allocation.rejected(request.orderId(), request.screeningId(), hallId, List.of(),
                RejectionReason.INTERNAL_ERROR.name(), "the allocator could not decide this order ("
                        + failure.getClass().getSimpleName() + "); it is logged for the operators", clock.instant());
        return lock.runLocked(hallId, token -> {
            Recorded recorded = transaction.execute(status -> {
                long previous = fence.admit(token);
                Allocation known = ledger.allocations(Set.of(request.orderId())).get(request.orderId());
                if (known == null) {
                    ledger.record(List.of(rejection));
                }
                return new Recorded(known == null ? rejection : known, previous);
            });
            views.advance(hallId, recorded.previous(), token.value());
            return recorded.answer();
        });
    }

    /** Forgets every hall's view, e.g. when partitions move; the next batch of each hall reads it again. */
    public void forgetViews() {
        views.clear();
    }

    private List<Allocation> decideLocked(FencingToken token, Map<Long, HallLayout> layouts,
                                         List<SeatRequest> requests) {
        try {
            AllocationRound.Result result = transaction.execute(status -> decideAndWrite(token, layouts, requests));
            views.put(token.hallId(), token.value(), result.claims());
            return result.outcomes();
        } catch (RuntimeException e) {
            views.forget(token.hallId());
            throw e;
        }
    }

    private AllocationRound.Result decideAndWrite(FencingToken token, Map<Long, HallLayout> layouts,
                                                  List<SeatRequest> requests) {
        long previous = fence.admit(token);
        Map<Long, Map<String, SeatClaim>> claims = new HashMap<>(
                views.currentAt(token.hallId(), previous).orElse(Map.of()));
        requests.stream().map(SeatRequest::screeningId).distinct()
                .forEach(screening -> claims.computeIfAbsent(screening, ledger::claims));
        Instant now = clock.instant();
        Set<Long> cancelled = screenings.cancelledAmong(
                requests.stream().map(SeatRequest::screeningId).collect(Collectors.toSet()));
        AllocationRound.Result result = new AllocationRound(layouts::get, claims, ledger.allocations(orderIds(requests)),
                policy, token, now, cancelled).decide(requests);
        ledger.claim(result.newClaims(), result.takeovers(), now);
        ledger.record(result.decided());
        return result;
    }

    private static Set<String> orderIds(List<SeatRequest> requests) {
        return requests.stream().map(SeatRequest::orderId).collect(Collectors.toSet());
    }

    /** An answer recorded alone, and the token that wrote the hall before. */
    private record Recorded(Allocation answer, long previous) {
    }
}
