package dev.marquee.payments;

/** What payment settlement reads of an order (owned by order-api) and of its screening in the catalog. */
public record OrderSnapshot(String orderId, String customerId, long screeningId, long hallId, long movieId,
                            long cinemaId, long amountMinor, String currency) {
}
