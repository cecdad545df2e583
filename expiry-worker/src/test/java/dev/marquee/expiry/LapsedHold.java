package dev.marquee.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.marquee.ledger.OpenHold;
import dev.marquee.ledger.SeatClaim;

/**
 * A hold of order {@value #ORDER_ID} whose deadline passed a second before {@link #NOW}, and its seats written like
 * a seat map: {@code "A1=lapsed"} the order's own lapsed hold, {@code "A2=ticket"} a seat sold to it,
 * {@code "A3=free"} nobody's claim (released or never written), {@code "A4=other"} and {@code "A5=other-ticket"}
 * another order's hold (it took the seat over) and ticket.
 */
final class LapsedHold {

    static final Instant NOW = Instant.parse("2026-11-21T20:00:00Z");
    static final Instant DEADLINE = NOW.minusSeconds(1);
    static final String ORDER_ID = "order-1";
    static final long SCREENING = 7;
    static final long HALL = 3;
    static final Duration EXTENSION = Duration.ofMinutes(5);

    private final List<String> seats = new ArrayList<>();
    private final List<SeatClaim> claims = new ArrayList<>();
    private boolean paymentPending;
    private Instant extendedAt;
    private Instant deadline = DEADLINE;
    private Instant paymentUntil;

    static LapsedHold of(String... seatMap) {
        LapsedHold hold = new LapsedHold();
        Arrays.stream(seatMap).forEach(hold::seat);
        return hold;
    }

    LapsedHold paymentPending() {
        paymentPending = true;
        return this;
    }

    /** The ledger marked the hold's payment in flight: it stays live until its deadline plus the extension. */
    LapsedHold paymentInFlight() {
        paymentUntil = deadline.plus(EXTENSION);
        return this;
    }

    /** The hold got its extension earlier; the extended deadline is the one that passed now. */
    LapsedHold extendedBefore() {
        extendedAt = DEADLINE.minus(EXTENSION);
        return this;
    }

    LapsedHold deadline(Instant deadline) {
        this.deadline = deadline;
        return this;
    }

    OpenHold hold() {
        return new OpenHold(ORDER_ID, SCREENING, HALL, seats, deadline, extendedAt, 40, paymentUntil);
    }

    Verdict decide() {
        return new HoldExpiry(EXTENSION).decide(hold(), List.copyOf(claims), paymentPending, NOW);
    }

    private void seat(String entry) {
        String[] parts = entry.split("=");
        String seat = parts[0];
        seats.add(seat);
        switch (parts[1]) {
            case "lapsed" -> claims.add(claim(seat, ORDER_ID, deadline));
            case "ticket" -> claims.add(claim(seat, ORDER_ID, null));
            case "free" -> { }
            case "other" -> claims.add(claim(seat, "order-2", NOW.plusSeconds(600)));
            case "other-ticket" -> claims.add(claim(seat, "order-2", null));
            default -> throw new IllegalArgumentException("unknown seat state in " + entry);
        }
    }

    private static SeatClaim claim(String seat, String orderId, Instant holdUntil) {
        return new SeatClaim(SCREENING, seat, orderId, orderId.equals(ORDER_ID) ? "alice" : "bob", holdUntil, 40);
    }
}
