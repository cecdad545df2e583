package dev.marquee.gateway.simulator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /{gateway}/refunds}, JSON {@code refundId, tradeNo, amountMinor, currency, reason}: refunds once per
 * {@code refundId} and answers the refund with {@code status: REFUNDED}, the same answer every time it is asked.
 */
final class RefundEndpoint implements Route.Endpoint {

    private final String gateway;
    private final TradeLedger ledger;
    private final Clock clock;

    RefundEndpoint(String gateway, TradeLedger ledger, Clock clock) {
        this.gateway = gateway;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Reply answer(RequestFields request) {
        long amount = request.number("amountMinor").orElseThrow(() -> ApiProblem.malformed("amountMinor is required"));
        if (amount <= 0) {
            throw ApiProblem.malformed("amountMinor must be positive");
        }
        Refund refund = ledger.refund(gateway, request.required("refundId"), request.required("tradeNo"), amount,
                request.optional("currency").map(c -> c.toUpperCase(Locale.ROOT)).orElse(null),
                request.optional("reason").orElse(""), clock.instant());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("refundId", refund.refundId());
        answer.put("status", "REFUNDED");
        answer.put("gateway", refund.gateway());
        answer.put("tradeNo", refund.tradeNo());
        answer.put("amountMinor", refund.amountMinor());
        answer.put("currency", refund.currency());
        answer.put("reason", refund.reason());
        answer.put("at", refund.at());
        return Reply.json(answer);
    }
}
