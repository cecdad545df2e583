package dev.marquee.ledger;

import java.time.Duration;

/** The hall's lock could not be had in time; the caller retries later. */
public final class HallBusyException extends RuntimeException {

    HallBusyException(long hallId, Duration waited) {
        super("hall " + hallId + " stayed locked for " + waited.toMillis() + " ms");
    }
}
