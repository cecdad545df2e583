package dev.marquee.launcher.bench;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads order-api's seat map ({@code GET /api/screenings/{id}/seats}). */
final class SeatMapJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SeatMapJson() {
    }

    /** The labels of the seats in {@code state} (FREE, HELD or SOLD). */
    static Set<String> labelsIn(String seatMap, String state) {
        Set<String> labels = new HashSet<>();
        try {
            for (JsonNode seat : JSON.readTree(seatMap).path("seats")) {
                if (state.equals(seat.path("state").asText())) {
                    labels.add(seat.path("label").asText());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("not a seat map: " + seatMap, e);
        }
        return labels;
    }
}
