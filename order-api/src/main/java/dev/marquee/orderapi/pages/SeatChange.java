package dev.marquee.orderapi.pages;

import java.util.List;

/**
 * Seats of a screening that changed state (FREE, HELD or SOLD), as a page's seat map shows them, with the moments
 * (epoch milliseconds) the change passed on its way to the page: {@code changedAt} when the service that owns the
 * seats decided it (the event's {@code occurredAt}), {@code recordAt} the {@code seat-events} record's timestamp
 * (its producer's send), {@code receivedAt} when this instance's feed consumer handed it over, {@code sentAt} when it
 * was written to the page's stream (0 until then). The map ignores them; they tell where an update's delay went
 * (FlashSaleBrowserIT prints them per stage).
 */
public record SeatChange(long screeningId, List<String> seats, String state, long changedAt, long recordAt,
                         long receivedAt, long sentAt) {

    public SeatChange(long screeningId, List<String> seats, String state, long changedAt, long recordAt,
                      long receivedAt) {
        this(screeningId, seats, state, changedAt, recordAt, receivedAt, 0);
    }

    /** This change as written to a stream at {@code at}. */
    public SeatChange sent(long at) {
        return new SeatChange(screeningId, seats, state, changedAt, recordAt, receivedAt, at);
    }
}
