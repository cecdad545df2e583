package dev.marquee.allocator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    private final Function<Long, HallLayout> layoutOf;
    private final Map<Long, Map<String, SeatClaim>> claims;
    private final Map<String, Allocation> decided;
    private final AllocationPolicy policy;
    private final FencingToken token;
    private final Instant now;
    private final Set<Long> cancelled;

    public AllocationRound(HallLayout layout, Map<Long, Map<String, SeatClaim>> claims,
                           Map<String, Allocation> decided, AllocationPolicy policy, FencingToken token, Instant now) {
        this(layout, claims, decided, policy, token, now, Set.of());
    }

    /** Every screening of the batch sells {@code layout}. */
    public AllocationRound(HallLayout layout, Map<Long, Map<String, SeatClaim>> claims,
                           Map<String, Allocation> decided, AllocationPolicy policy, FencingToken token, Instant now,
                           Set<Long> cancelled) {
        this(screening -> layout, claims, decided, policy, token, now, cancelled);
    }

    /**
     * @param layouts   the layout each screening sells (the version it was scheduled with)
     * @param cancelled screenings that sell nothing more: their requests are rejected SCREENING_CLOSED
     */
    public AllocationRound(Function<Long, HallLayout> layouts, Map<Long, Map<String, SeatClaim>> claims,
                           Map<String, Allocation> decided, AllocationPolicy policy, FencingToken token, Instant now,
                           Set<Long> cancelled) {
        this.cancelled = Set.copyOf(cancelled);
        this.layoutOf = layouts;
        this.claims = new HashMap<>();
        claims.forEach((screening, seats) -> this.claims.put(screening, new HashMap<>(seats)));
        this.decided = new LinkedHashMap<>(decided);
        this.policy = policy;
        this.token = token;
        this.now = now;
    }

    /**
     * A rejection that depends on nothing but the request and the hall's layout, so it needs neither the lock nor
     * a write: deciding it again gives the same answer.
     */
    public static Optional<Allocation> rejectOutright(SeatRequest r, HallLayout layout, AllocationPolicy policy,
                                                     Instant now) {
        if (!now.isBefore(r.screeningStartsAt())) {
            return Optional.of(reject(r, RejectionReason.SCREENING_CLOSED.name(), "the screening has started", now));
        }
        Optional<SeatViolation> violation = r.wantsBestAvailable()
                ? policy.rules().checkCount(r.anySeats(), 0)
                        .or(() -> r.anySeats() > 0 ? Optional.empty()
                                : Optional.of(new SeatViolation(SeatViolation.INVALID_SEAT, "no seats asked for")))
                : policy.rules().check(layout, Set.of(), r.seats(), 0);
        return violation.map(v -> reject(r, v.reason(), v.detail(), now));
    }

    public Result decide(List<SeatRequest> requests) {
        List<Allocation> outcomes = new ArrayList<>(requests.size());
        List<Allocation> fresh = new ArrayList<>();
        List<SeatClaim> newClaims = new ArrayList<>();
        List<Takeover> takeovers = new ArrayList<>();
        for (SeatRequest request : requests) {
            Allocation known = decided.get(request.orderId());
            if (known == null) {
                known = decideOne(request, newClaims, takeovers);
                decided.put(request.orderId(), known);
                fresh.add(known);
            }
            outcomes.add(known);
        }
        return new Result(outcomes, fresh, newClaims, takeovers, claims);
    }

    private Allocation decideOne(SeatRequest r, List<SeatClaim> newClaims, List<Takeover> takeovers) {
        if (cancelled.contains(r.screeningId())) {
            return reject(r, RejectionReason.SCREENING_CLOSED.name(), "the screening was cancelled", now);
        }
        HallLayout layout = layoutOf.apply(r.screeningId());
        Optional<Allocation> outright = rejectOutright(r, layout, policy, now);
        if (outright.isPresent()) {
            return outright.get();
        }
        Map<String, SeatClaim> seats = claims.computeIfAbsent(r.screeningId(), id -> new HashMap<>());
        Set<String> live = seats.values().stream().filter(c -> c.isLiveAt(now)).map(SeatClaim::seatLabel)
                .collect(Collectors.toSet());
        int customerSeats = (int) seats.values().stream()
                .filter(c -> c.isLiveAt(now) && c.customerId().equals(r.customerId())).count();
        List<String> wanted = r.seats();
        if (r.wantsBestAvailable()) {
            Optional<SeatViolation> limit = policy.rules().checkCount(r.anySeats(), customerSeats);
            if (limit.isPresent()) {
                return reject(r, limit.get().reason(), limit.get().detail(), now);
            }
            Optional<List<String>> best = policy.bestAvailable().pick(layout, live, r.anySeats());
            if (best.isEmpty()) {
                return reject(r, RejectionReason.SOLD_OUT.name(), "no " + r.anySeats() + " seats together", now);
            }
            wanted = best.get();
        } else {
            List<String> taken = wanted.stream().filter(live::contains).toList();
            if (!taken.isEmpty()) {
                return reject(r, RejectionReason.SEATS_TAKEN.name(), Detail.listing("taken: ", taken, ","), now);
            }
            Optional<SeatViolation> violation = policy.rules().check(layout, live, wanted, customerSeats);
            if (violation.isPresent()) {
                return reject(r, violation.get().reason(), violation.get().detail(), now);
            }
        }
        return hold(r, wanted, seats, newClaims, takeovers);
    }

    private Allocation hold(SeatRequest r, List<String> wanted, Map<String, SeatClaim> seats,
                            List<SeatClaim> newClaims, List<Takeover> takeovers) {
        Instant deadline = now.plus(policy.holdFor());
        for (String label : wanted) {
            SeatClaim claim = new SeatClaim(r.screeningId(), label, r.orderId(), r.customerId(), deadline,
                    token.value());
            SeatClaim lapsed = seats.put(label, claim);
            if (lapsed == null) {
                newClaims.add(claim);
            } else {
                takeovers.add(new Takeover(claim, lapsed.orderId()));
            }
        }
        return Allocation.held(r.orderId(), r.screeningId(), r.hallId(), wanted, deadline, token.value(), now);
    }

    private static Allocation reject(SeatRequest r, String reason, String detail, Instant now) {
        return Allocation.rejected(r.orderId(), r.screeningId(), r.hallId(), r.seats(), reason, detail, now);
    }

    /**
     * @param outcomes  one answer per request, in request order
     * @param decided   the answers made in this round (to record)
     * @param newClaims seats claimed that had no claim
     * @param takeovers seats claimed from a lapsed hold
     * @param claims    every screening's claims after this round, for the caller's view once it committed
     */
    public record Result(List<Allocation> outcomes, List<Allocation> decided, List<SeatClaim> newClaims,
                         List<Takeover> takeovers, Map<Long, Map<String, SeatClaim>> claims) {
    }
}
