package dev.marquee.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** The request bodies of every attempt, drawn up front from the seed so that sending costs no more than sending. */
final class AttemptPlan {

    /** The flash sale's customers: attempt i is customer "fan-i". */
    static final String FANS = "fan-";

    private AttemptPlan() {
    }

    /**
     * One order body per attempt; each attempt is its own customer ("fan-17": attempt i is sent by customer
     * {@code customerPrefix + i}, whose token says so), so no per-customer limit applies.
     */
    static List<String> orders(HallRows hall, long screeningId, int attempts, int maxSeats, long seed) {
        return orders(FANS, hall, screeningId, attempts, maxSeats, seed);
    }

    /** "Any N seats" orders (best available), N from 1 to {@code maxSeats}: general admission, as most crowds buy. */
    static List<String> anySeats(long screeningId, int attempts, int maxSeats, long seed) {
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>(attempts);
        for (int i = 0; i < attempts; i++) {
            bodies.add("{\"screeningId\":" + screeningId + ",\"anySeats\":" + (1 + random.nextInt(maxSeats)) + "}");
        }
        return bodies;
    }

    static List<String> orders(String customerPrefix, HallRows hall, long screeningId, int attempts, int maxSeats,
                               long seed) {
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>(attempts);
        for (int i = 0; i < attempts; i++) {
            String seats = hall.randomBlock(random, maxSeats).stream()
                    .map(label -> '"' + label + '"')
                    .collect(Collectors.joining(","));
            bodies.add("{\"screeningId\":" + screeningId + ",\"seats\":[" + seats + "]}");
        }
        return bodies;
    }
}
