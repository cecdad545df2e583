package dev.marquee.payments;

/** Only a FLAGGED trade (or one already being refunded for its flag) may be refunded by an operator. */
public class TradeNotFlaggedException extends RuntimeException {

    private final Trade trade;

    public TradeNotFlaggedException(Trade trade) {
        super(trade.gateway() + " trade " + trade.tradeNo() + " is " + trade.outcome()
                + (trade.reason() == null ? "" : " (" + trade.reason() + ")") + ", not flagged: it is settled already");
        this.trade = trade;
    }

    public Trade trade() {
        return trade;
    }
}
