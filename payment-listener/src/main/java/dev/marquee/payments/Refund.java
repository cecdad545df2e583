package dev.marquee.payments;

/**
 * Money to give back for a gateway trade. {@code refundId} is the RefundRequested event's id: the gateway
 * refunds once per refund id, so asking again is safe.
 */
public record Refund(String refundId, String gateway, String tradeNo, long amountMinor, String currency,
                     String reason) {
}
