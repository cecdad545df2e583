package dev.marquee.payments.web;

import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
import java.time.Instant;
import java.util.List;

import dev.marquee.payments.Trade;
import dev.marquee.payments.TradeOutcome;
import dev.marquee.payments.messaging.FlaggedTrades;
import dev.marquee.support.openapi.Problem;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of settled trades ({@code marquee payments flagged|refund}): money flagged instead of
 * settled waits here for a person to give it back.
 */
@RestController
@RequestMapping("/api/admin/trades")
class TradesController {

    private final FlaggedTrades flagged;

    TradesController(FlaggedTrades flagged) {
        this.flagged = flagged;
    }

    @Operation(summary = "Gateway trades by outcome (default: flagged money that needs an operator)")
    @Problem(status = 400, code = "invalid-limit", when = "limit outside 1-1000")
    @Permits(area = Area.OPERATIONS, access = Access.READ)
    @GetMapping
    List<TradeView> list(@RequestParam(defaultValue = "FLAGGED") TradeOutcome outcome,
                         @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidLimitException(limit);
        }
        return flagged.list(outcome, limit).stream().map(TradeView::of).toList();
    }

    @Operation(summary = "Refund a flagged trade through its gateway")
    @Problem(status = 404, code = "trade-not-found", when = "no such trade")
    @Problem(status = 409, code = "trade-not-flagged", when = "the trade is not flagged for an operator")
    @Permits(area = Area.OPERATIONS, access = Access.WRITE)
    @PostMapping("/{gateway}/{tradeNo}/refund")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RefundView refund(@PathVariable String gateway, @PathVariable String tradeNo) {
        FlaggedTrades.Refunding refunding = flagged.refund(gateway, tradeNo);
        return new RefundView(TradeView.of(refunding.trade()), refunding.refundId(), refunding.again());
    }

    record TradeView(String gateway, String tradeNo, String orderId, String paymentId, String outcome, String reason,
                     String tradeStatus, long amountMinor, String currency, Instant decidedAt) {

        static TradeView of(Trade trade) {
            return new TradeView(trade.gateway(), trade.tradeNo(), trade.orderId(), trade.paymentId(),
                    trade.outcome().name(), trade.reason() == null ? null : trade.reason().name(),
                    trade.tradeStatus(), trade.amountMinor(), trade.currency(), trade.decidedAt());
        }
    }

    /** @param again the trade was already being refunded; its refund was asked for again (the gateway dedupes) */
    record RefundView(TradeView trade, String refundId, boolean again) {
    }

    static final class InvalidLimitException extends RuntimeException {

        InvalidLimitException(int limit) {
            super("limit must be between 1 and 1000, not " + limit);
        }
    }
}
