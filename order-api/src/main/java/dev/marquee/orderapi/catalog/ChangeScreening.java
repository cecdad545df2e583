package dev.marquee.orderapi.catalog;

import java.time.Instant;
import java.util.Map;

/**
 * A staff member's change of a screening that has not started: a new start (its end follows from the movie's
 * length), new prices per seat type (all of them, replacing the old), or both; what is left out stays.
 */
public record ChangeScreening(Instant startsAt, Map<String, Long> prices) {

    void validate(Instant now) {
        new Fields().check(startsAt != null || prices != null, "startsAt", "a new start, new prices or both")
                .check(startsAt == null || startsAt.isAfter(now), "startsAt", "in the future")
                .check(prices == null || !prices.isEmpty(), "prices", "a price per seat type of the hall")
                .check(prices == null || prices.keySet().stream().allMatch(ScheduleScreening::isSeatType), "prices",
                        "seat types are STANDARD, WHEELCHAIR, COMPANION, LOVE_SEAT")
                .check(prices == null || prices.values().stream().allMatch(p -> p != null && p >= 0), "prices",
                        "amounts in minor units, not negative")
                .orRefuse();
    }
}
