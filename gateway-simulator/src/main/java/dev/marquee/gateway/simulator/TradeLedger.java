package dev.marquee.gateway.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The trades taken and the refunds given, refunds once per id and never beyond what was paid. Thread-safe. */
final class TradeLedger {

    private final Map<String, Trade> trades = new LinkedHashMap<>();
    private final Map<String, Refund> refunds = new LinkedHashMap<>();
    private final Map<String, Long> refunded = new LinkedHashMap<>();

    synchronized void record(Trade trade) {
        if (trades.putIfAbsent(trade.tradeNo(), trade) != null) {
            throw new IllegalStateException("trade number handed out twice: " + trade.tradeNo());
        }
    }

    synchronized List<Trade> trades() {
        return List.copyOf(trades.values());
    }

    synchronized List<Refund> refunds() {
        return List.copyOf(refunds.values());
    }

    /**
     * Refunds part or all of a trade on this gateway. Asking again with a known {@code refundId} returns the refund
     * already given, whatever else the request says.
     *
     * @param currency the refund's currency, or {@code null} for the trade's
     * @throws ApiProblem {@code trade-unknown}, {@code currency-mismatch} or {@code refund-exceeds-payment}
     */
    synchronized Refund refund(String gateway, String refundId, String tradeNo, long amountMinor, String currency,
            String reason, Instant at) {
        Refund given = refunds.get(refundId);
        if (given != null) {
            return given;
        }
        Trade trade = trades.get(tradeNo);
        if (trade == null || !trade.gateway().equals(gateway)) {
            throw new ApiProblem(404, "trade-unknown", "no " + gateway + " trade " + tradeNo);
        }
        if (currency != null && !currency.equalsIgnoreCase(trade.currency())) {
            throw new ApiProblem(409, "currency-mismatch", "trade " + tradeNo + " was paid in " + trade.currency());
        }
        long left = trade.paidMinor() - refunded.getOrDefault(tradeNo, 0L);
        if (amountMinor > left) {
            throw new ApiProblem(409, "refund-exceeds-payment",
                    amountMinor + " asked, " + left + " " + trade.currency() + " minor units left to refund");
        }
        Refund refund = new Refund(refundId, gateway, tradeNo, amountMinor, trade.currency(), reason, at);
        refunds.put(refundId, refund);
        refunded.merge(tradeNo, amountMinor, Long::sum);
        return refund;
    }
}
