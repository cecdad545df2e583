package dev.marquee.allocator;

import java.time.Instant;
import java.util.List;

/** An order's request for seats, as the allocator decides it. */
public record SeatRequest(String orderId, long screeningId, long hallId, List<String> seats, Instant screeningStartsAt) {

    public SeatRequest {
        seats = List.copyOf(seats);
    }
}
