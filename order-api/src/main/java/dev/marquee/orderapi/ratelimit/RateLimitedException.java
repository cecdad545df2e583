package dev.marquee.orderapi.ratelimit;

import dev.marquee.orderapi.ratelimit.RateLimiting.Exceeded;

/** A request over one of its limits, found where it can no longer be refused by a filter: 429 rate-limited. */
public final class RateLimitedException extends RuntimeException {

    private final transient Exceeded exceeded;

    public RateLimitedException(Exceeded exceeded) {
        super(exceeded.detail(), null, false, false);
        this.exceeded = exceeded;
    }

    public Exceeded exceeded() {
        return exceeded;
    }
}
