package dev.marquee.payments;

import java.time.Instant;

/**
 * What payment settlement knows of an order and its screening: what the order's OrderRequested said (the listener
 * keeps it from {@code order-requests}; it reads no other service's tables).
 */
public record OrderSnapshot(String orderId, String customerId, long screeningId, long hallId, long movieId,
                            long cinemaId, long amountMinor, String currency, Instant screeningStartsAt) {
}
