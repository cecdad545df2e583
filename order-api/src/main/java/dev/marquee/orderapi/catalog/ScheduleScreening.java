package dev.marquee.orderapi.catalog;

import java.time.Instant;
import java.util.Map;

/** A staff member's request: this movie in this hall from {@code startsAt}, at these prices per seat type. */
public record ScheduleScreening(long hallId, Long movieId, Instant startsAt, Map<String, Long> prices,
                                String currency) {

    void validate(Instant now) {
        new Fields().required("movieId", movieId).required("startsAt", startsAt).required("currency", currency)
                .check(prices != null && !prices.isEmpty(), "prices", "a price per seat type of the hall")
                .check(startsAt == null || startsAt.isAfter(now), "startsAt", "in the future")
                .check(currency == null || currency.matches("[A-Z]{3}"), "currency", "an ISO 4217 code, e.g. CNY")
                .check(prices == null || prices.keySet().stream().allMatch(ScheduleScreening::isSeatType), "prices",
                        "seat types are STANDARD, WHEELCHAIR, COMPANION, LOVE_SEAT")
                .check(prices == null || prices.values().stream().allMatch(p -> p != null && p >= 0), "prices",
                        "amounts in minor units, not negative")
                .orRefuse();
    }

    static boolean isSeatType(String type) {
        try {
            SeatType.valueOf(type);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
