package dev.marquee.expiry;

import java.time.Instant;
import java.util.List;

/**
 * One hall's lapsed holds decided and written in one transaction.
 *
 * @param full the batch was full: the hall may have more lapsed holds and gets another turn
 */
public record HallRound(long hallId, List<Verdict> verdicts, List<ExpiryEvent> events, boolean full, Instant at) {

    public HallRound {
        verdicts = List.copyOf(verdicts);
        events = List.copyOf(events);
    }
}
