package dev.marquee.payments;

import static dev.marquee.payments.CallbackStatus.FAILURE;
import static dev.marquee.payments.SettlementReason.AMOUNT_MISMATCH;
import static dev.marquee.payments.SettlementReason.CANCELLED;
import static dev.marquee.payments.SettlementReason.CURRENCY_MISMATCH;
import static dev.marquee.payments.SettlementReason.DUPLICATE_PAYMENT;
import static dev.marquee.payments.SettlementReason.ORDER_NOT_HELD;
import static dev.marquee.payments.SettlementReason.ORDER_REFUNDED;
import static dev.marquee.payments.SettlementReason.SCREENING_CANCELLED;
import static dev.marquee.payments.SettlementReason.SCREENING_STARTED;
import static dev.marquee.payments.SettlementReason.SEATS_GONE;
import static dev.marquee.payments.SettlementReason.TRADE_FAILED;
import static dev.marquee.payments.SettlementReason.UNKNOWN_ORDER;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.marquee.ledger.Allocation;
import dev.marquee.ledger.ClosedBy;
import dev.marquee.ledger.Sale;
import dev.marquee.ledger.SeatClaim;

/**
 * Decides what a payment callback does, from the order, the allocator's answer, the claims on the order's seats
 * and the trades already recorded for the trade or the order. Plain Java; the caller reads and writes under the
 * hall's lock and fence.
 * <p>
 * A trade is settled once: a recorded answer is only replayed, and a failure never undoes a payment (gateways
 * reorder callbacks). Money that does not match the order is flagged and never sells a seat. Money for an order
 * that cannot be served is refunded: the order was cancelled (the customer gave the seats back and was told so),
 * or the screening had started when the gateway took the money, or the money was late and the screening has
 * started since, or an earlier payment of the order was refunded for one of those reasons (the order's money is
 * decided: it shows REFUND_PENDING, then REFUNDED, and a sale now would leave sold seats under it). Otherwise the order's seats are sold, all or none: its own holds, even lapsed ones, and seats that
 * became free meanwhile; a seat another order holds or bought means a refund.
 * <p>
 * Whether money is late is judged by the gateway's payment time against the hold's deadline, extended by a payment
 * in flight ({@link Allocation#payableUntil()}), never by when the callback is processed: an on-time payment that
 * waited in a backlog sells the order's own seats as an on-time one, not as a re-take.
 */
public final class Settlement {

    /** Where one seat of the order stands when the money arrives. */
    enum SeatFate { OWN_HOLD, OWN_LAPSED_HOLD, OWN_TICKET, FREE, LAPSED_OF_OTHER, GONE }

    private final PaymentCallback callback;
    private final boolean replacesFailed;
    private final Instant now;

    private Settlement(PaymentCallback callback, boolean replacesFailed, Instant now) {
        this.callback = callback;
        this.replacesFailed = replacesFailed;
        this.now = now;
    }

    /**
     * @param claims the claims on the allocation's seats, by seat label (a seat nobody claims is absent)
     * @param trades recorded trades of the callback's order, and the callback's own trade if recorded
     */
    public static Decision decide(PaymentCallback callback, Optional<OrderSnapshot> order,
                                  Optional<Allocation> allocation, Map<String, SeatClaim> claims, List<Trade> trades,
                                  Instant now) {
        return decide(callback, order, allocation, claims, trades, false, now);
    }

    /** @param screeningCancelled the order's screening was cancelled: its money goes back and sells nothing */
    public static Decision decide(PaymentCallback callback, Optional<OrderSnapshot> order,
                                  Optional<Allocation> allocation, Map<String, SeatClaim> claims, List<Trade> trades,
                                  boolean screeningCancelled, Instant now) {
        if (callback.status() == CallbackStatus.PENDING) {
            return new Decision.Ignore("trade " + callback.gateway() + "/" + callback.tradeNo() + " is "
                    + callback.tradeStatus() + ", not final");
        }
        Optional<Trade> recorded = trades.stream().filter(callback::concerns).findFirst();
        if (recorded.isPresent() && (recorded.get().outcome().isFinal() || callback.status() == FAILURE)) {
            return new Decision.Replay(recorded.get());
        }
        Settlement settlement = new Settlement(callback, recorded.isPresent(), now);
        return callback.status() == FAILURE
                ? settlement.unpaid(TradeOutcome.FAILED, TRADE_FAILED, List.of())
                : settlement.success(order, allocation, claims, trades, screeningCancelled);
    }

    private Decision success(Optional<OrderSnapshot> known, Optional<Allocation> allocation,
                             Map<String, SeatClaim> claims, List<Trade> trades, boolean screeningCancelled) {
        if (known.isEmpty()) {
            return unpaid(TradeOutcome.FLAGGED, UNKNOWN_ORDER, List.of());
        }
        OrderSnapshot order = known.get();
        if (!order.currency().equalsIgnoreCase(callback.currency())) {
            return unpaid(TradeOutcome.FLAGGED, CURRENCY_MISMATCH, List.of());
        }
        if (order.amountMinor() != callback.amountMinor()) {
            return unpaid(TradeOutcome.FLAGGED, AMOUNT_MISMATCH, List.of());
        }
        if (trades.stream().anyMatch(t -> !callback.concerns(t) && t.orderId().equals(order.orderId())
                && t.outcome() == TradeOutcome.PAID)) {
            return unpaid(TradeOutcome.REFUND, DUPLICATE_PAYMENT, List.of());
        }
        if (trades.stream().anyMatch(t -> !callback.concerns(t) && t.orderId().equals(order.orderId())
                && t.outcome() == TradeOutcome.REFUND && t.reason() != null && t.reason().decidesTheOrder())) {
            return unpaid(TradeOutcome.REFUND, ORDER_REFUNDED, List.of());
        }
        // the allocator may have released the hold for the cancel before this service heard of it: same verdict
        if (screeningCancelled || allocation.filter(a -> a.closedBy() == ClosedBy.SHOW_CANCELLED).isPresent()) {
            return unpaid(TradeOutcome.REFUND, SCREENING_CANCELLED,
                    allocation.map(Allocation::seats).orElse(List.of()));
        }
        Optional<Allocation> held = allocation.filter(a -> a.outcome() == Allocation.Outcome.HELD);
        if (held.isEmpty()) {
            return unpaid(TradeOutcome.REFUND, ORDER_NOT_HELD, List.of());
        }
        if (held.get().wasCancelled()) {
            return unpaid(TradeOutcome.REFUND, CANCELLED, held.get().seats());
        }
        boolean onTime = callback.paidAt().isBefore(held.get().payableUntil());
        if (!callback.paidAt().isBefore(order.screeningStartsAt())
                || !onTime && !now.isBefore(order.screeningStartsAt())) {
            return unpaid(TradeOutcome.REFUND, SCREENING_STARTED, held.get().seats());
        }
        return sell(order, held.get(), claims, onTime);
    }

    private Decision sell(OrderSnapshot order, Allocation allocation, Map<String, SeatClaim> claims, boolean onTime) {
        Map<SeatFate, List<String>> fates = new EnumMap<>(SeatFate.class);
        allocation.seats().forEach(seat -> fates.computeIfAbsent(fate(claims.get(seat), order.orderId(), onTime),
                f -> new ArrayList<>()).add(seat));
        if (fates.containsKey(SeatFate.GONE)) {
            return unpaid(TradeOutcome.REFUND, SEATS_GONE, allocation.seats());
        }
        List<String> ownHolds = Stream.concat(seats(fates, SeatFate.OWN_HOLD).stream(),
                seats(fates, SeatFate.OWN_LAPSED_HOLD).stream()).toList();
        List<SeatClaim> lapsedOfOthers = seats(fates, SeatFate.LAPSED_OF_OTHER).stream().map(claims::get).toList();
        Sale sale = new Sale(allocation.screeningId(), order.orderId(), order.customerId(), ownHolds,
                seats(fates, SeatFate.FREE), lapsedOfOthers);
        boolean retaken = fates.containsKey(SeatFate.OWN_LAPSED_HOLD) || fates.containsKey(SeatFate.FREE)
                || fates.containsKey(SeatFate.LAPSED_OF_OTHER);
        Trade paid = trade(TradeOutcome.PAID, null, order.currency(), allocation.seats(), retaken);
        return new Decision.Settle(paid, replacesFailed, sale.isEmpty() ? Optional.empty() : Optional.of(sale));
    }

    /** @param onTime the gateway took the money before the hold's deadline (with its extension) */
    private SeatFate fate(SeatClaim claim, String orderId, boolean onTime) {
        if (claim == null) {
            return SeatFate.FREE;
        }
        if (claim.orderId().equals(orderId)) {
            return claim.isSold() ? SeatFate.OWN_TICKET
                    : onTime || claim.isLiveAt(now) ? SeatFate.OWN_HOLD : SeatFate.OWN_LAPSED_HOLD;
        }
        return claim.isLiveAt(now) ? SeatFate.GONE : SeatFate.LAPSED_OF_OTHER;
    }

    private Decision unpaid(TradeOutcome outcome, SettlementReason reason, List<String> seats) {
        return new Decision.Settle(trade(outcome, reason, callback.currency(), seats, false), replacesFailed,
                Optional.empty());
    }

    private Trade trade(TradeOutcome outcome, SettlementReason reason, String currency, List<String> seats,
                        boolean retaken) {
        return new Trade(callback.gateway(), callback.tradeNo(), callback.orderId(), callback.paymentId(), outcome,
                reason, callback.tradeStatus(), callback.amountMinor(), currency, seats, retaken, null, now);
    }

    private static List<String> seats(Map<SeatFate, List<String>> fates, SeatFate fate) {
        return fates.getOrDefault(fate, List.of());
    }
}
