package dev.marquee.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A HELD allocation nobody closed yet: the seats the allocator held for the order and the hold's deadline.
 *
 * @param extendedAt   when the hold got its one extension (its deadline is then the extended one); null if never
 * @param paymentUntil while a payment is in flight: its deadline plus the one extension, the end of its extension
 */
public record OpenHold(String orderId, long screeningId, long hallId, List<String> seats, Instant holdUntil,
                       Instant extendedAt, long fencingToken, Instant paymentUntil) {

    public OpenHold {
        seats = List.copyOf(seats);
    }

    public boolean paymentInFlight() {
        return paymentUntil != null;
    }

    public boolean wasExtended() {
        return extendedAt != null;
    }
}
