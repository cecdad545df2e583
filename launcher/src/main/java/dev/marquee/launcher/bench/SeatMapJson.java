package dev.marquee.launcher.bench;

import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads order-api's seat map ({@code GET /api/screenings/{id}/seats}). */
final class SeatMapJson {

    private static final ObjectMapper JSON = JsonMapper.builderWithJackson2Defaults().build();

    private SeatMapJson() {
    }

    /** The labels of the seats in {@code state} (FREE, HELD or SOLD). */
    static Set<String> labelsIn(String seatMap, String state) {
        Set<String> labels = new HashSet<>();
        try {
            for (JsonNode seat : JSON.readTree(seatMap).path("seats")) {
                if (state.equals(seat.path("state").asString())) {
                    labels.add(seat.path("label").asString());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("not a seat map: " + seatMap, e);
        }
        return labels;
    }
}
