package dev.marquee.ledger;

import java.time.Instant;
import java.util.List;

/** The allocator's recorded answer to one order request: its seats held until a deadline, or a rejection. */
public record Allocation(String orderId, long screeningId, long hallId, Outcome outcome, List<String> seats,
                         Instant holdUntil, String reason, String detail, Long fencingToken, Instant decidedAt) {

    public enum Outcome { HELD, REJECTED }

    public Allocation {
        seats = List.copyOf(seats);
    }

    public static Allocation held(String orderId, long screeningId, long hallId, List<String> seats,
                                  Instant holdUntil, long fencingToken, Instant decidedAt) {
        return new Allocation(orderId, screeningId, hallId, Outcome.HELD, seats, holdUntil, null, null,
                fencingToken, decidedAt);
    }

    public static Allocation rejected(String orderId, long screeningId, long hallId, List<String> seats,
                                      String reason, String detail, Instant decidedAt) {
        return new Allocation(orderId, screeningId, hallId, Outcome.REJECTED, seats, null, reason, detail, null,
                decidedAt);
    }
}
