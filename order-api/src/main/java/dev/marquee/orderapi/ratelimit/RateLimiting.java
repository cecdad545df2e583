package dev.marquee.orderapi.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a request is within its limits. Fails open: when Redis cannot answer in time the request passes,
 * {@code marquee.rate_limit.unavailable} counts it, and checks are skipped for a short pause (so a Redis that is
 * away costs each request nothing, not a timeout): a rate limiter must not take the shop down with it.
 */
public final class RateLimiting {

    private static final Logger log = LoggerFactory.getLogger(RateLimiting.class);

    /** One bucket of this kind for this id (a subject, an IP, an app key, a screening id). */
    public record Charge(LimitKind kind, String id) {
    }

    public record Exceeded(LimitKind kind, Duration retryAfter) {

        /** Whole seconds, rounded up, at least one: what {@code Retry-After} says. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final TokenBuckets buckets;
    private final RateLimitProperties properties;
    private final Clock clock;
    private final Counter unavailable;
    private volatile Instant pausedUntil = Instant.MIN;

    public RateLimiting(TokenBuckets buckets, RateLimitProperties properties, Clock clock, MeterRegistry meters) {
        this.buckets = buckets;
        this.properties = properties;
        this.clock = clock;
        this.unavailable = Counter.builder("marquee.rate_limit.unavailable")
                .description("requests let through unchecked because Redis could not answer").register(meters);
    }

    public Optional<Exceeded> check(List<Charge> charges) {
        if (!properties.enabled() || charges.isEmpty()) {
            return Optional.empty();
        }
        if (clock.instant().isBefore(pausedUntil)) {
            unavailable.increment();
            return Optional.empty();
        }
        List<TokenBuckets.Draw> draws = charges.stream().map(c -> new TokenBuckets.Draw(
                "marquee:rate:" + c.kind().label() + ":" + c.id(), properties.limit(c.kind()))).toList();
        try {
            return buckets.take(draws, properties.timeout())
                    .map(empty -> new Exceeded(charges.get(empty.index()).kind(), empty.retryAfter()));
        } catch (RuntimeException e) {
            pausedUntil = clock.instant().plus(properties.pauseAfterFailure());
            unavailable.increment();
            log.warn("rate limits unchecked for {}: Redis did not answer ({})", properties.pauseAfterFailure(),
                    e.toString());
            return Optional.empty();
        }
    }
}
