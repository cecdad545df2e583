package dev.marquee.payments;

import java.time.Instant;
import java.util.List;

/**
 * A settled gateway trade, as recorded in {@code payment_trade}: the answer every later callback about the same
 * trade gets, and the source of the events it causes.
 *
 * @param reason       null when PAID
 * @param seats        the order's seats that were sold (PAID) or could not be (REFUND); empty otherwise
 * @param retaken      the seats were sold although the order's hold had lapsed or been released
 * @param fencingToken the hall-lock token the trade was decided under; null when no seat was in question
 */
public record Trade(String gateway, String tradeNo, String orderId, String paymentId, TradeOutcome outcome,
                    SettlementReason reason, String tradeStatus, long amountMinor, String currency,
                    List<String> seats, boolean retaken, Long fencingToken, Instant decidedAt) {

    public Trade {
        seats = List.copyOf(seats);
    }

    public Trade fencedBy(long token) {
        return new Trade(gateway, tradeNo, orderId, paymentId, outcome, reason, tradeStatus, amountMinor, currency,
                seats, retaken, token, decidedAt);
    }
}
