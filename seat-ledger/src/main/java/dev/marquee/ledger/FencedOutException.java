package dev.marquee.ledger;

/** A writer presented a fencing token older than one that already wrote the hall: its lock had lapsed. */
public final class FencedOutException extends RuntimeException {

    FencedOutException(FencingToken token, long current) {
        super("hall " + token.hallId() + ": fencing token " + token.value() + " is older than " + current
                + " which already wrote; this writer's lock lapsed and its write is refused");
    }
}
