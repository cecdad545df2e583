package dev.marquee.ledger;

import java.time.Instant;

/**
 * An order's claim on one seat of a screening: a hold until {@code holdUntil}, or a ticket when that is null.
 * A hold past its deadline is no longer live: the seat counts as free even before the expiry worker ran.
 */
public record SeatClaim(long screeningId, String seatLabel, String orderId, String customerId, Instant holdUntil,
                        long fencingToken) {

    public boolean isLiveAt(Instant now) {
        return holdUntil == null || holdUntil.isAfter(now);
    }

    public boolean isSold() {
        return holdUntil == null;
    }
}
