package dev.marquee.orderapi.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code marquee.rate-limits.*}: one bucket per signed-in user (its subject), per client IP (callers not signed in),
 * per partner app, and per screening for order placement; shared by every order-api instance through Redis.
 * Defaults (README, "Rate limits") are set in the compact constructor: a bucket's three values go together.
 *
 * @param enabled           whether requests are limited at all (default true)
 * @param user              a signed-in person's bucket (its subject): capacity, refill per period
 * @param ip                the bucket of callers not signed in, by client address
 * @param app               a partner app's bucket, however many terminals share its key
 * @param screening         order placements per screening, whoever orders
 * @param timeout           how long a check waits for Redis before it lets the request through (fail open)
 * @param pauseAfterFailure how long checks are skipped after Redis failed one (the requests pass)
 * @param deferredFlush     how often the tokens of requests answered from memory (refused orders) are drawn
 */
@ConfigurationProperties("marquee.rate-limits")
public record RateLimitProperties(Boolean enabled, Limit user, Limit ip, Limit app, Limit screening,
                                  Duration timeout, Duration pauseAfterFailure, Duration deferredFlush) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        user = user == null ? new Limit(40, 20, Duration.ofSeconds(1)) : user;
        ip = ip == null ? new Limit(600, 300, Duration.ofSeconds(1)) : ip;
        app = app == null ? new Limit(200, 100, Duration.ofSeconds(1)) : app;
        screening = screening == null ? new Limit(10_000, 5_000, Duration.ofSeconds(1)) : screening;
        timeout = timeout == null ? Duration.ofMillis(100) : timeout;
        pauseAfterFailure = pauseAfterFailure == null ? Duration.ofSeconds(1) : pauseAfterFailure;
        deferredFlush = deferredFlush == null ? Duration.ofMillis(100) : deferredFlush;
    }

    Limit limit(LimitKind kind) {
        return switch (kind) {
            case USER -> user;
            case IP -> ip;
            case APP -> app;
            case SCREENING -> screening;
        };
    }
}
