package dev.marquee.orderapi.payment;

import java.time.Instant;

/** A payment as stored in {@code payment} (but its version); equal rows mean there is nothing to write. */
record PaymentRow(String id, String orderId, String gateway, long amountMinor, String currency, PaymentStatus status,
                  String tradeNo, String reason, boolean retaken, Instant createdAt, Instant updatedAt) {
}
