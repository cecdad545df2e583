package dev.marquee.allocator;

import java.time.Instant;
import java.util.List;

/**
 * An order's request for seats, as the allocator decides it: either the named {@code seats}, or any
 * {@code anySeats} seats, the best available.
 */
public record SeatRequest(String orderId, String customerId, long screeningId, long hallId, List<String> seats,
                          int anySeats, Instant screeningStartsAt) {

    public SeatRequest {
        seats = List.copyOf(seats);
    }

    boolean wantsBestAvailable() {
        return seats.isEmpty();
    }

    int seatCount() {
        return wantsBestAvailable() ? anySeats : seats.size();
    }
}
