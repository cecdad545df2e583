package dev.marquee.support.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * UUIDv7 ids (RFC 9562 §5.7): a 48-bit Unix millisecond timestamp, then version 7, then 12 bits of {@code rand_a}
 * used as a counter (RFC 9562 §6.2, method 1), then the variant and 62 random bits from a {@link SecureRandom}.
 * Within one process the ids are strictly increasing: when the millisecond repeats the counter goes up by one; when
 * it is exhausted (4,096 ids in a millisecond) or the clock steps back, the id borrows the next millisecond, so a
 * timestamp is never behind the previous id's. A new millisecond starts the counter at a random value below 2,048,
 * leaving room to count. Across processes uniqueness rests on the 62 random bits per id (and the counter's random
 * start): two processes share an id only if both draw the same 62 bits in the same millisecond and counter value.
 */
public final class TimeOrderedIds {

    private static final TimeOrderedIds SHARED = new TimeOrderedIds(Clock.systemUTC(), new SecureRandom());
    private static final int COUNTER_MAX = 0xFFF;

    private final Clock clock;
    private final SecureRandom random;
    private long lastMillis = -1;
    private int counter;

    TimeOrderedIds(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** The process's generator: one per process keeps its ids monotonic. */
    public static TimeOrderedIds shared() {
        return SHARED;
    }

    /** The next id, as the 36-character text stored in the id columns. */
    public static String nextText() {
        return SHARED.next().toString();
    }

    public synchronized UUID next() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = random.nextInt(COUNTER_MAX / 2 + 1);
        } else if (counter < COUNTER_MAX) {
            counter++;
        } else {
            lastMillis++;
            counter = random.nextInt(COUNTER_MAX / 2 + 1);
        }
        long high = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** When a UUIDv7 was made (its 48-bit millisecond timestamp). */
    public static Instant timestampOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a UUIDv7: " + id);
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }
}
