package dev.marquee.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marquee.ledger.Allocation;
import dev.marquee.ledger.ClosedBy;
import dev.marquee.ledger.SeatClaim;

/**
 * A payment arriving for order {@value #ORDER_ID}, and the state of the world it meets, written like a seat map:
 * {@code "A1=held"} is a live hold of the order, {@code "A2=lapsed"} its hold past the deadline
 * ({@code "A2=ending"}: the deadline is this very instant),
 * {@code "A3=ticket"} a seat already sold to it, {@code "A4=free"} nobody's claim, {@code "A5=other"},
 * {@code "A6=other-lapsed"} and {@code "A7=other-ticket"} another order's live hold, lapsed hold and ticket,
 * {@code "A8=other-paying"} another order's hold past its deadline whose payment is in flight (its extension runs).
 * The gateway took the money two seconds before {@link #NOW} unless told otherwise; the hold's deadline was ten
 * minutes before it, and the screening starts a day after it.
 */
final class Scenario {

    static final Instant NOW = Instant.parse("2026-11-21T20:00:00Z");
    static final String ORDER_ID = "order-1";
    static final long SCREENING = 7;
    static final Instant STARTS = NOW.plus(Duration.ofDays(1));
    static final OrderSnapshot ORDER = new OrderSnapshot(ORDER_ID, "alice", SCREENING, 3, 11, 5, 9_000, "CNY", STARTS);

    private PaymentCallback callback = callback("TRADE_SUCCESS", 9_000, "CNY");
    private Optional<OrderSnapshot> order = Optional.of(ORDER);
    private Optional<Allocation.Outcome> allocation = Optional.of(Allocation.Outcome.HELD);
    private final List<String> seats = new ArrayList<>();
    private final Map<String, SeatClaim> claims = new HashMap<>();
    private final List<Trade> trades = new ArrayList<>();
    private Instant deadline = NOW.minus(Duration.ofMinutes(10));
    private Instant paymentUntil;
    private ClosedBy closedBy;
    private boolean screeningCancelled;

    static Scenario paymentFor(String... seatMap) {
        Scenario scenario = new Scenario();
        Arrays.stream(seatMap).forEach(scenario::seat);
        return scenario;
    }

    static PaymentCallback callback(String status, long amountMinor, String currency) {
        return callback("T-1", status, amountMinor, currency);
    }

    static PaymentCallback callback(String tradeNo, String status, long amountMinor, String currency) {
        return new PaymentCallback(ORDER_ID, "pay-" + tradeNo, "alipay", "notify-" + tradeNo, tradeNo, status,
                amountMinor, currency, NOW.minusSeconds(2), NOW.minusSeconds(2));
    }

    static Trade recorded(String tradeNo, TradeOutcome outcome, SettlementReason reason) {
        return new Trade("alipay", tradeNo, ORDER_ID, "pay-" + tradeNo, outcome, reason,
                outcome == TradeOutcome.FAILED ? "TRADE_CLOSED" : "TRADE_SUCCESS", 9_000, "CNY",
                List.of("A1"), false, 41L, NOW.minusSeconds(60));
    }

    Scenario withCallback(PaymentCallback callback) {
        this.callback = callback;
        return this;
    }

    /** The gateway says it took the money at {@code paidAt} (the notice itself came two seconds before NOW). */
    Scenario paidAt(Instant paidAt) {
        PaymentCallback c = callback;
        return withCallback(new PaymentCallback(c.orderId(), c.paymentId(), c.gateway(), c.notifyId(), c.tradeNo(),
                c.tradeStatus(), c.amountMinor(), c.currency(), c.notifiedAt(), paidAt));
    }

    /** The hold's deadline, as the allocator (or the expiry worker's extension) set it. */
    Scenario deadline(Instant deadline) {
        this.deadline = deadline;
        return this;
    }

    /** The customer said they paid: the ledger keeps the hold live until {@code until}. */
    Scenario paymentInFlightUntil(Instant until) {
        this.paymentUntil = until;
        return this;
    }

    Scenario screeningStartsAt(Instant startsAt) {
        OrderSnapshot o = ORDER;
        order = Optional.of(new OrderSnapshot(o.orderId(), o.customerId(), o.screeningId(), o.hallId(), o.movieId(),
                o.cinemaId(), o.amountMinor(), o.currency(), startsAt));
        return this;
    }

    /** The customer cancelled: the hold was closed and its seats given back. */
    Scenario cancelled() {
        this.closedBy = ClosedBy.CANCELLED;
        return this;
    }

    Scenario withStatus(String status) {
        return withCallback(callback(status, callback.amountMinor(), callback.currency()));
    }

    Scenario forUnknownOrder() {
        order = Optional.empty();
        allocation = Optional.empty();
        return this;
    }

    /** The screening was cancelled (this service applied ScreeningCancelled); the hold may still be open. */
    Scenario screeningCancelled() {
        this.screeningCancelled = true;
        return this;
    }

    /** The allocator released the order's hold for a cancelled screening; this service has not heard of it yet. */
    Scenario releasedForACancelledScreening() {
        this.closedBy = ClosedBy.SHOW_CANCELLED;
        return this;
    }

    Scenario withoutAllocation() {
        allocation = Optional.empty();
        return this;
    }

    Scenario rejectedByTheAllocator() {
        allocation = Optional.of(Allocation.Outcome.REJECTED);
        return this;
    }

    Scenario withRecorded(Trade trade) {
        trades.add(trade);
        return this;
    }

    Decision decide() {
        return Settlement.decide(callback, order, allocation.map(this::allocationOf), Map.copyOf(claims),
                List.copyOf(trades), screeningCancelled, NOW);
    }

    SeatClaim claimOn(String seat) {
        return claims.get(seat);
    }

    private Allocation allocationOf(Allocation.Outcome outcome) {
        return outcome == Allocation.Outcome.HELD
                ? new Allocation(ORDER_ID, SCREENING, 3, Allocation.Outcome.HELD, seats, deadline, null, null, 40L,
                        NOW.minus(Duration.ofMinutes(15)), closedBy, paymentUntil)
                : Allocation.rejected(ORDER_ID, SCREENING, 3, seats, "TAKEN", "", NOW);
    }

    private void seat(String entry) {
        String[] parts = entry.split("=");
        String seat = parts[0];
        seats.add(seat);
        Instant live = NOW.plusSeconds(300);
        Instant lapsed = NOW.minusSeconds(1);
        switch (parts[1]) {
            case "held" -> claim(seat, ORDER_ID, live);
            case "lapsed" -> claim(seat, ORDER_ID, lapsed);
            case "ending" -> claim(seat, ORDER_ID, NOW);
            case "ticket" -> claim(seat, ORDER_ID, null);
            case "free" -> { }
            case "other" -> claim(seat, "order-2", live);
            case "other-lapsed" -> claim(seat, "order-2", lapsed);
            case "other-ticket" -> claim(seat, "order-2", null);
            case "other-paying" -> claims.put(seat, new SeatClaim(SCREENING, seat, "order-2", "bob", lapsed, 40,
                    NOW.plusSeconds(240)));
            default -> throw new IllegalArgumentException("unknown seat state in " + entry);
        }
    }

    private void claim(String seat, String orderId, Instant holdUntil) {
        claims.put(seat, new SeatClaim(SCREENING, seat, orderId, orderId.equals(ORDER_ID) ? "alice" : "bob",
                holdUntil, 40));
    }
}
