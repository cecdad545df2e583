package dev.marquee.ledger;

import java.time.Duration;

import org.springframework.dao.CannotAcquireLockException;

/** The hall's lock could not be had in time; the caller retries later (a transient failure, as a lock wait is). */
public final class HallBusyException extends CannotAcquireLockException {

    HallBusyException(long hallId, Duration waited) {
        super("hall " + hallId + " stayed locked for " + waited.toMillis() + " ms");
    }
}
