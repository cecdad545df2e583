package dev.marquee.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.marquee.ledger.OpenHold;
import dev.marquee.ledger.SeatClaim;

/**
 * Decides what becomes of an open hold whose deadline passed, from the hold, the claims on its seats and whether
 * the order's payment is in flight:
 * <ol>
 * <li>a seat of the order is sold: the payment won, the hold is closed as paid;</li>
 * <li>the payment is in flight, the hold was never extended and the order still holds all its seats: it is
 * extended once, to the end of the extension the ledger's payment mark fixed ({@code deadline + extension}; for
 * an order without the mark, {@code max(now, deadline) + extension}), unless that has passed too (a hold that lost
 * seats to other orders cannot be paid for as it stands, so it is not kept);</li>
 * <li>otherwise the order's own lapsed holds are released and the order expires.</li>
 * </ol>
 */
public final class HoldExpiry {

    private final Duration paymentExtension;

    public HoldExpiry(Duration paymentExtension) {
        if (paymentExtension.isNegative() || paymentExtension.isZero()) {
            throw new IllegalArgumentException("payment extension must be positive: " + paymentExtension);
        }
        this.paymentExtension = paymentExtension;
    }

    /**
     * @param claims         claims on the hold's seats, of any order (those of other orders are not looked at)
     * @param paymentPending the customer says it paid and the gateway's word has not come yet
     */
    public Verdict decide(OpenHold hold, Collection<SeatClaim> claims, boolean paymentPending, Instant now) {
        Map<String, SeatClaim> own = claims.stream()
                .filter(c -> c.orderId().equals(hold.orderId()) && c.screeningId() == hold.screeningId()
                        && hold.seats().contains(c.seatLabel()))
                .collect(Collectors.toMap(SeatClaim::seatLabel, Function.identity(), (a, b) -> a));
        if (own.values().stream().anyMatch(SeatClaim::isSold)) {
            return new Verdict.Paid(hold);
        }
        if ((paymentPending || hold.paymentInFlight()) && !hold.wasExtended()
                && own.keySet().containsAll(hold.seats())) {
            Instant deadline = extendedDeadline(hold, now);
            if (deadline.isAfter(now)) {
                return new Verdict.Extend(hold, hold.seats(), deadline);
            }
        }
        List<SeatClaim> lapsed = hold.seats().stream().map(own::get)
                .filter(c -> c != null && !c.isLiveAt(now)).toList();
        return new Verdict.Release(hold, lapsed);
    }

    /**
     * A hold marked in the ledger as having its payment in flight is extended to the instant the mark fixed (its
     * deadline plus the extension), the instant until which the allocator and payment-listener already count it
     * live; only then do all writers agree on when it lapses. An unmarked one, to {@code max(now, deadline)} plus
     * the extension.
     */
    private Instant extendedDeadline(OpenHold hold, Instant now) {
        if (hold.paymentInFlight()) {
            return hold.paymentUntil();
        }
        Instant from = hold.holdUntil().isAfter(now) ? hold.holdUntil() : now;
        return from.plus(paymentExtension);
    }
}
