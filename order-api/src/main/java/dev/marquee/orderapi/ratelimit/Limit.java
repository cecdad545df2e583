package dev.marquee.orderapi.ratelimit;

import java.time.Duration;

/**
 * A token bucket: {@code capacity} requests at once, refilled by {@code refill} every {@code period} (smoothly,
 * not in steps). A request takes one token; with none left it is refused until one has come back.
 */
public record Limit(long capacity, long refill, Duration period) {

    public Limit {
        if (capacity < 1 || refill < 1 || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs capacity >= 1, refill >= 1 and a positive period");
        }
    }
}
