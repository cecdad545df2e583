package dev.marquee.payments;

import java.time.Instant;
import java.util.List;

/** payment-listener's copy of the screenings cancelled, kept from catalog-events; applied once per event id. */
public interface CancelledScreenings {

    boolean isCancelled(long screeningId);

    /** Marks the screening cancelled, in the caller's transaction (again: nothing changes). */
    void cancel(long screeningId, long hallId, String reason, Instant at);

    /** The PAID trades of the screening's orders (as the order projection knows them). */
    List<Trade> paidTrades(long screeningId);

    boolean applied(String eventId);

    void markApplied(String eventId, Instant at);
}
