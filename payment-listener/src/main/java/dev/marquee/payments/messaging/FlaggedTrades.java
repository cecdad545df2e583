package dev.marquee.payments.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.marquee.payments.Settled;
import dev.marquee.payments.Trade;
import dev.marquee.payments.TradeLog;
import dev.marquee.payments.TradeNotFlaggedException;
import dev.marquee.payments.TradeNotFoundException;
import dev.marquee.payments.TradeOutcome;
import org.springframework.stereotype.Component;

/**
 * What an operator does with money that was flagged instead of settled (a wrong amount or currency, an unknown
 * order): list it, and give it back. A refund turns the trade into a REFUND and publishes its RefundRequested,
 * which the refunds consumer carries to the gateway like any other; the order is not touched. Asking again
 * publishes the same event again (same id), so an operator may repeat the command after any failure.
 */
@Component
public class FlaggedTrades {

    private final TradeLog trades;
    private final SettlementPublisher publisher;
    private final Clock clock;

    FlaggedTrades(TradeLog trades, SettlementPublisher publisher, Clock clock) {
        this.trades = trades;
        this.publisher = publisher;
        this.clock = clock;
    }

    public List<Trade> list(TradeOutcome outcome, int limit) {
        return trades.withOutcome(outcome, limit);
    }

    /** Refunds a flagged trade; answers the trade as now recorded, with the refund's id. */
    public Refunding refund(String gateway, String tradeNo) {
        Trade trade = trades.find(gateway, tradeNo).orElseThrow(() -> new TradeNotFoundException(gateway, tradeNo));
        boolean first = trade.outcome() == TradeOutcome.FLAGGED && trades.refundFlagged(gateway, tradeNo, clock.instant());
        Trade now = trades.find(gateway, tradeNo).orElseThrow();
        if (now.outcome() != TradeOutcome.REFUND || now.reason() == null || !now.reason().flags()) {
            throw new TradeNotFlaggedException(now);
        }
        publisher.publish(new Settled(now, Optional.empty()));
        return new Refunding(now, SettlementEvents.refundId(now), !first);
    }

    /** @param again the trade was already being refunded: its RefundRequested was sent again */
    public record Refunding(Trade trade, String refundId, boolean again) {
    }
}
