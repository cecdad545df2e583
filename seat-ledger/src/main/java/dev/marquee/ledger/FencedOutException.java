package dev.marquee.ledger;

import org.springframework.dao.ConcurrencyFailureException;

/** A writer presented a fencing token older than one that already wrote the hall: its lock had lapsed.
 * Transient: tried again, the writer takes the lock anew, with a newer token. */
public final class FencedOutException extends ConcurrencyFailureException {

    FencedOutException(FencingToken token, long current) {
        super("hall " + token.hallId() + ": fencing token " + token.value() + " is older than " + current
                + " which already wrote; this writer's lock lapsed and its write is refused");
    }
}
