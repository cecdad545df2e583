package dev.marquee.ledger;

/** Proof of holding a hall's lock: tokens only grow, so a later holder always presents a larger one. */
public record FencingToken(long hallId, long value) {
}
