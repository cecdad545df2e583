package dev.marquee.gateway.simulator;

import java.time.Instant;

/** A payment the simulator took, under its own trade number ({@code tradeNo}) and the merchant's ({@code outTradeNo}). */
public record Trade(String gateway, String tradeNo, String outTradeNo, long amountMinor, String currency,
        Outcome outcome, Instant createdAt) {

    /** What the customer actually paid: the amount, or nothing if the payment failed. */
    long paidMinor() {
        return outcome == Outcome.SUCCESS ? amountMinor : 0;
    }
}
