package dev.marquee.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The allocator's recorded answer to one order request: its seats held until a deadline, or a rejection.
 *
 * @param closedBy     how the hold ended, once it did (null while open)
 * @param paymentUntil while a payment is in flight: until when the hold stays live (deadline plus its one extension)
 */
public record Allocation(String orderId, long screeningId, long hallId, Outcome outcome, List<String> seats,
                         Instant holdUntil, String reason, String detail, Long fencingToken, Instant decidedAt,
                         ClosedBy closedBy, Instant paymentUntil) {

    public enum Outcome { HELD, REJECTED }

    public Allocation {
        seats = List.copyOf(seats);
    }

    /**
     * Until when money for the hold is on time: its deadline (the extended one, if extended), or the end of the
     * extension its payment in flight has; null for a rejection.
     */
    public Instant payableUntil() {
        if (holdUntil == null) {
            return null;
        }
        return paymentUntil != null && paymentUntil.isAfter(holdUntil) ? paymentUntil : holdUntil;
    }

    public boolean wasCancelled() {
        return closedBy == ClosedBy.CANCELLED;
    }

    public static Allocation held(String orderId, long screeningId, long hallId, List<String> seats,
                                  Instant holdUntil, long fencingToken, Instant decidedAt) {
        return new Allocation(orderId, screeningId, hallId, Outcome.HELD, seats, holdUntil, null, null,
                fencingToken, decidedAt, null, null);
    }

    public static Allocation rejected(String orderId, long screeningId, long hallId, List<String> seats,
                                      String reason, String detail, Instant decidedAt) {
        return new Allocation(orderId, screeningId, hallId, Outcome.REJECTED, seats, null, reason, detail, null,
                decidedAt, null, null);
    }
}
