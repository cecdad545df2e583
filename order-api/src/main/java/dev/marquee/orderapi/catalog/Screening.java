package dev.marquee.orderapi.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A movie shown in a hall at a time, with a price per seat type (in minor units of {@code currency}).
 * {@code layoutVersion} is the version of its hall's layout it was scheduled with (the seats it sells); {@code status}
 * is SCHEDULED (not yet on sale), ON_SALE or CANCELLED.
 */
public record Screening(long id, Movie movie, Hall hall, Instant startsAt, Instant endsAt, String currency,
                        int layoutVersion, String status, Map<String, Long> prices) {

    public Screening {
        prices = Map.copyOf(prices);
    }

    /** On sale and not yet started: orders are accepted. */
    public boolean isOpenAt(Instant now) {
        return "ON_SALE".equals(status) && now.isBefore(startsAt);
    }

    /** The price of a seat of this type, in minor units of {@link #currency()}; empty when the type is not sold. */
    public Optional<Long> priceOf(String seatType) {
        return Optional.ofNullable(prices.get(seatType));
    }
}
