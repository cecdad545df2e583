package dev.marquee.gateway.simulator;

import java.time.Instant;

/** Money the simulator gave back on a trade, once per {@code refundId}. */
public record Refund(String refundId, String gateway, String tradeNo, long amountMinor, String currency,
        String reason, Instant at) {
}
