package dev.marquee.orderapi.order;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the allocator's answers and the expiry worker's releases to orders, each event exactly once: the event id is recorded in
 * {@link ProcessedEvents} in the same transaction as the order's change.
 */
@Service
public class SeatOutcomes {

    private static final Logger log = LoggerFactory.getLogger(SeatOutcomes.class);
    /** SeatsReleased's cause when the allocator released a cancelled screening's holds. */
    static final String SCREENING_CANCELLED = "SCREENING_CANCELLED";

    private final Orders orders;
    private final ProcessedEvents processed;
    private final Clock clock;

    SeatOutcomes(Orders orders, ProcessedEvents processed, Clock clock) {
        this.orders = orders;
        this.processed = processed;
        this.clock = clock;
    }

    @Transactional
    public void held(String eventId, String orderId, List<String> seats, Instant deadline) {
        Instant now = clock.instant();
        if (processed.firstDelivery(eventId, now)) {
            change(eventId, orderId, o -> o.hold(seats, deadline, now));
        }
    }

    @Transactional
    public void rejected(String eventId, String orderId, String reason, String detail) {
        Instant now = clock.instant();
        if (processed.firstDelivery(eventId, now)) {
            change(eventId, orderId, o -> o.reject(reason, detail, now));
        }
    }

    /** The hold lapsed unpaid and the expiry worker released it. */
    @Transactional
    public void expired(String eventId, String orderId) {
        Instant now = clock.instant();
        if (processed.firstDelivery(eventId, now)) {
            change(eventId, orderId, o -> o.expire(now));
        }
    }

    /**
     * Seats given back. Only a cancelled screening's release tells the order something it does not know: an expiry
     * comes as OrderExpired, a customer's cancel is the order's own.
     */
    @Transactional
    public void released(String eventId, String orderId, String cause) {
        if (!SCREENING_CANCELLED.equals(cause)) {
            return;
        }
        Instant now = clock.instant();
        if (processed.firstDelivery(eventId, now)) {
            change(eventId, orderId, o -> o.releasedByCancelledScreening(now));
        }
    }

    /** A payment in flight bought the hold more time. */
    @Transactional
    public void holdExtended(String eventId, String orderId, Instant deadline) {
        Instant now = clock.instant();
        if (processed.firstDelivery(eventId, now)) {
            change(eventId, orderId, o -> o.extendHold(deadline, now));
        }
    }

    /** Applies the event to its order and writes what it changed (a repeat changes nothing: no write). */
    private void change(String eventId, String orderId, Consumer<Order> change) {
        orders.findById(orderId).ifPresentOrElse(o -> {
            change.accept(o);
            orders.save(o);
        }, () -> log.warn("event {} names order {} which this order-api does not know; ignored", eventId, orderId));
    }
}
