package dev.marquee.orderapi.order;

import java.util.List;

/**
 * A customer asks for these seats of a screening, or for any {@code anySeats} seats, the best available. Exactly
 * one of the two is given. {@code idempotencyKey} is optional: a retry with the same key gets the same order.
 */
public record PlaceOrder(String customerId, long screeningId, List<String> seats, int anySeats, String idempotencyKey) {

    public PlaceOrder {
        seats = List.copyOf(seats);
        if (seats.isEmpty() == (anySeats <= 0)) {
            throw new IllegalArgumentException("give either seats or anySeats");
        }
    }

    public static PlaceOrder seats(String customerId, long screeningId, List<String> seats) {
        return new PlaceOrder(customerId, screeningId, seats, 0, null);
    }

    public static PlaceOrder anySeats(String customerId, long screeningId, int count) {
        return new PlaceOrder(customerId, screeningId, List.of(), count, null);
    }

    public PlaceOrder withIdempotencyKey(String key) {
        return new PlaceOrder(customerId, screeningId, seats, anySeats, key);
    }

    int seatCount() {
        return seats.isEmpty() ? anySeats : seats.size();
    }

    /** What makes two requests "the same" for an idempotency key: everything but the key. */
    String fingerprint() {
        return customerId + "|" + screeningId + "|" + String.join(",", seats) + "|" + anySeats;
    }
}
