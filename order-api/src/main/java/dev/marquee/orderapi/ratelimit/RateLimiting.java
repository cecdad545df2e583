package dev.marquee.orderapi.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a request is within its limits.
 * <p>
 * Two ways to count a request. {@link #check} draws its tokens before the request does anything, one Redis round
 * trip. {@link #defer} is for requests that were answered from this instance's memory without touching anything
 * shared (an order the seat map refuses at once, as a flash crowd's are): they still cost their caller a token,
 * but the tokens are taken in batches every {@code deferred-flush} (one round trip for all of them), not one round
 * trip each, which would cost more than the refusal it limits.
 * <p>
 * Either way, a bucket Redis found empty is remembered here until it has a token again, and requests on it are
 * refused without asking Redis: until then no instance can have drawn a token from it, so the answer is the one
 * Redis would give.
 * <p>
 * Fails open: when Redis cannot answer in time the request passes,
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

        /** The problem's {@code detail}. */
        public String detail() {
            return "Too many requests for this " + kind.label() + "; retry after " + retryAfterSeconds() + " s.";
        }
    }

    private final TokenBuckets buckets;
    private final RateLimitProperties properties;
    private final Clock clock;
    private final Counter unavailable;
    private volatile Instant pausedUntil = Instant.MIN;
    /** Buckets seen empty: key → when it has a token again (epoch millis of {@link #clock}). */
    private final ConcurrentHashMap<String, Long> emptyUntil = new ConcurrentHashMap<>();
    /** Tokens spent by requests answered before their draw, per bucket key, until the next {@link #flush}. */
    private final ConcurrentHashMap<String, Pending> deferred = new ConcurrentHashMap<>();

    private record Pending(Charge charge, LongAdder tokens) {
    }

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
        Optional<Exceeded> known = knownEmpty(charges);
        if (known.isPresent()) {
            return known;
        }
        if (clock.instant().isBefore(pausedUntil)) {
            unavailable.increment();
            return Optional.empty();
        }
        List<TokenBuckets.Draw> draws = charges.stream().map(c -> new TokenBuckets.Draw(key(c),
                properties.limit(c.kind()))).toList();
        try {
            Optional<Exceeded> exceeded = buckets.take(draws, properties.timeout()).map(empty -> {
                remember(key(charges.get(empty.index())), empty.retryAfter());
                return new Exceeded(charges.get(empty.index()).kind(), empty.retryAfter());
            });
            return exceeded;
        } catch (RuntimeException e) {
            failed(e);
            return Optional.empty();
        }
    }

    /**
     * A refusal without Redis: one of the buckets was found empty a moment ago (here) and has no token yet.
     * Returns empty when none is known to be empty (which is not a permission: {@link #check} still draws).
     */
    public Optional<Exceeded> knownEmpty(List<Charge> charges) {
        if (!properties.enabled() || emptyUntil.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        for (Charge charge : charges) {
            Long until = emptyUntil.get(key(charge));
            if (until != null && until > now) {
                return Optional.of(new Exceeded(charge.kind(), Duration.ofMillis(until - now)));
            }
        }
        return Optional.empty();
    }

    /** One token from each bucket, spent by a request that was answered already; drawn at the next flush. */
    public void defer(List<Charge> charges) {
        if (!properties.enabled()) {
            return;
        }
        for (Charge charge : charges) {
            deferred.computeIfAbsent(key(charge), k -> new Pending(charge, new LongAdder())).tokens().increment();
        }
    }

    /**
     * Draws every deferred token (one Redis round trip), and remembers the buckets that are empty afterwards. Run
     * every {@code deferred-flush}; when Redis cannot answer, the tokens are dropped (fail open, counted).
     */
    public void flush() {
        long now = clock.millis();
        emptyUntil.values().removeIf(until -> until <= now);
        if (deferred.isEmpty()) {
            return;
        }
        List<Charge> charges = new ArrayList<>();
        List<TokenBuckets.Debit> debits = new ArrayList<>();
        for (String key : List.copyOf(deferred.keySet())) {
            Pending pending = deferred.remove(key);
            if (pending != null) {
                charges.add(pending.charge());
                debits.add(new TokenBuckets.Debit(key, properties.limit(pending.charge().kind()),
                        (int) Math.min(Integer.MAX_VALUE, pending.tokens().sum())));
            }
        }
        if (clock.instant().isBefore(pausedUntil)) {
            unavailable.increment(debits.size());
            return;
        }
        try {
            for (TokenBuckets.Empty empty : buckets.debit(debits, properties.timeout())) {
                remember(key(charges.get(empty.index())), empty.retryAfter());
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void remember(String key, Duration retryAfter) {
        emptyUntil.put(key, clock.millis() + retryAfter.toMillis());
    }

    private void failed(RuntimeException e) {
        pausedUntil = clock.instant().plus(properties.pauseAfterFailure());
        unavailable.increment();
        log.warn("rate limits unchecked for {}: Redis did not answer ({})", properties.pauseAfterFailure(),
                e.toString());
    }

    private static String key(Charge charge) {
        return "marquee:rate:" + charge.kind().label() + ":" + charge.id();
    }
}
