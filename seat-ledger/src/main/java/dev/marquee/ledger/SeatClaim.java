package dev.marquee.ledger;

import java.time.Instant;

/**
 * An order's claim on one seat of a screening: a hold until {@code holdUntil}, or a ticket when that is null.
 * A hold past its deadline is no longer live: the seat counts as free even before the expiry worker ran; but while a
 * payment is in flight ({@code paymentUntil} set) it stays live until that later instant, its one extension
 * included, so neither a new order nor another order's money can take it over before the payment had its chance.
 *
 * @param paymentUntil null unless a payment of the order is in flight: the deadline plus its one extension
 */
public record SeatClaim(long screeningId, String seatLabel, String orderId, String customerId, Instant holdUntil,
                        long fencingToken, Instant paymentUntil) {

    /** A claim without a payment in flight. */
    public SeatClaim(long screeningId, String seatLabel, String orderId, String customerId, Instant holdUntil,
                     long fencingToken) {
        this(screeningId, seatLabel, orderId, customerId, holdUntil, fencingToken, null);
    }

    public boolean isLiveAt(Instant now) {
        return holdUntil == null || liveUntil().isAfter(now);
    }

    public boolean isSold() {
        return holdUntil == null;
    }

    /** Until when the hold counts: its deadline, or the end of its payment's extension if later; null when sold. */
    public Instant liveUntil() {
        if (holdUntil == null) {
            return null;
        }
        return paymentUntil != null && paymentUntil.isAfter(holdUntil) ? paymentUntil : holdUntil;
    }
}
