package dev.marquee.orderapi.seatmap;

import java.time.Instant;
import java.util.List;

/** A screening's seats with their state at {@code asOf}; held seats past their deadline show FREE. */
public record SeatMapView(long screeningId, long hallId, String currency, int capacity, int free, int held, int sold,
                          Instant asOf, List<SeatView> seats) {

    public record SeatView(String label, String row, int gridRow, int gridCol, String type, String pairLabel,
                           SeatState state, Long priceMinor) {
    }
}
