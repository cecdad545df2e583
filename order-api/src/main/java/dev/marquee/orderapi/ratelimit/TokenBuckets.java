package dev.marquee.orderapi.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Token buckets shared by every instance. */
public interface TokenBuckets {

    /** A bucket to draw one token from: its Redis key and its limit. */
    record Draw(String key, Limit limit) {
    }

    /** The draw that found no token, and when it will have one. */
    record Empty(int index, Duration retryAfter) {
    }

    /**
     * Takes one token from each bucket, all or none: when one of them is empty nothing is taken and the answer
     * names it (the one that waits longest). {@code timeout} bounds the wait for the store.
     *
     * @throws RuntimeException when the store cannot answer within {@code timeout}
     */
    Optional<Empty> take(List<Draw> draws, Duration timeout);
}
