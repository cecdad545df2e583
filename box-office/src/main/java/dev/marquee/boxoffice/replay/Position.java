package dev.marquee.boxoffice.replay;

import java.time.Instant;
import java.util.Objects;

/** One end of a replay window, resolved per partition when the replay starts. */
public sealed interface Position {

    /** The first offset still in the log. */
    static Position beginning() {
        return Beginning.INSTANCE;
    }

    /** The log end when the replay starts (events written later are not read). */
    static Position end() {
        return End.INSTANCE;
    }

    /** This offset in every partition of the window (clamped to what the log holds). */
    static Position offset(long offset) {
        return new Offset(offset);
    }

    /** The first record whose timestamp is at or after this instant ({@code offsetsForTimes}). */
    static Position time(Instant instant) {
        return new Time(instant);
    }

    enum Beginning implements Position {
        INSTANCE
    }

    enum End implements Position {
        INSTANCE
    }

    record Offset(long offset) implements Position {
        public Offset {
            if (offset < 0) {
                throw new IllegalArgumentException("an offset is not negative: " + offset);
            }
        }
    }

    record Time(Instant instant) implements Position {
        public Time {
            Objects.requireNonNull(instant, "instant");
        }
    }
}
