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

    /** {@code tokens} already spent from a bucket: requests that were answered before their draw was made. */
    record Debit(String key, Limit limit, int tokens) {
    }

    /**
     * Takes each debit's tokens from its bucket, as far as it has them (a bucket never goes below empty), each
     * bucket on its own. The answer lists the buckets that are empty afterwards, with when each has a token again
     * ({@link Empty#index()} is the debit's index).
     *
     * @throws RuntimeException when the store cannot answer within {@code timeout}
     */
    List<Empty> debit(List<Debit> debits, Duration timeout);
}
