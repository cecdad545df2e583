package dev.marquee.allocator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.ledger.Allocation;
import dev.marquee.ledger.FencingToken;
import dev.marquee.ledger.SeatClaim;
import dev.marquee.ledger.Takeover;

/**
 * Decides a batch of one hall's requests in memory, in arrival order, from the claims the ledger holds.
 * A request already decided gets its recorded answer again (exactly one outcome per order); a seat counts as
 * free when unclaimed or when its hold lapsed. Plain Java: the caller holds the lock and writes the result.
 */
public final class AllocationRound {

    private final Map<Long, Map<String, SeatClaim>> claims;
    private final Map<String, Allocation> decided;
    private final FencingToken token;
    private final Duration holdFor;
    private final Instant now;

    public AllocationRound(Map<Long, Map<String, SeatClaim>> claims, Map<String, Allocation> decided,
                           FencingToken token, Duration holdFor, Instant now) {
        this.claims = new HashMap<>();
        claims.forEach((screening, seats) -> this.claims.put(screening, new HashMap<>(seats)));
        this.decided = new LinkedHashMap<>(decided);
        this.token = token;
        this.holdFor = holdFor;
        this.now = now;
    }

    public Result decide(List<SeatRequest> requests) {
        List<Allocation> outcomes = new ArrayList<>(requests.size());
        List<Allocation> fresh = new ArrayList<>();
        List<SeatClaim> newClaims = new ArrayList<>();
        List<Takeover> takeovers = new ArrayList<>();
        for (SeatRequest request : requests) {
            Allocation known = decided.get(request.orderId());
            if (known != null) {
                outcomes.add(known);
                continue;
            }
            Allocation allocation = decideOne(request, newClaims, takeovers);
            decided.put(request.orderId(), allocation);
            fresh.add(allocation);
            outcomes.add(allocation);
        }
        return new Result(outcomes, fresh, newClaims, takeovers);
    }

    private Allocation decideOne(SeatRequest r, List<SeatClaim> newClaims, List<Takeover> takeovers) {
        if (!now.isBefore(r.screeningStartsAt())) {
            return reject(r, RejectionReason.SCREENING_CLOSED, "the screening has started");
        }
        Map<String, SeatClaim> seats = claims.computeIfAbsent(r.screeningId(), id -> new HashMap<>());
        List<String> taken = r.seats().stream()
                .filter(label -> seats.containsKey(label) && seats.get(label).isLiveAt(now))
                .toList();
        if (!taken.isEmpty()) {
            return reject(r, RejectionReason.SEATS_TAKEN, "taken: " + String.join(",", taken));
        }
        Instant deadline = now.plus(holdFor);
        for (String label : r.seats()) {
            SeatClaim claim = new SeatClaim(r.screeningId(), label, r.orderId(), deadline, token.value());
            SeatClaim lapsed = seats.put(label, claim);
            if (lapsed == null) {
                newClaims.add(claim);
            } else {
                takeovers.add(new Takeover(claim, lapsed.orderId()));
            }
        }
        return Allocation.held(r.orderId(), r.screeningId(), r.hallId(), r.seats(), deadline, token.value(), now);
    }

    private Allocation reject(SeatRequest r, RejectionReason reason, String detail) {
        return Allocation.rejected(r.orderId(), r.screeningId(), r.hallId(), r.seats(), reason.name(), detail, now);
    }

    /**
     * @param outcomes  one answer per request, in request order
     * @param decided   the answers made in this round (to record)
     * @param newClaims seats claimed that had no claim
     * @param takeovers seats claimed from a lapsed hold
     */
    public record Result(List<Allocation> outcomes, List<Allocation> decided, List<SeatClaim> newClaims,
                         List<Takeover> takeovers) {
    }
}
