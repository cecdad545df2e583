package dev.marquee.orderapi.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the allocator's answers to orders, each event exactly once: the event id is recorded in
 * {@code processed_event} in the same transaction as the order's change.
 */
@Service
public class SeatOutcomes {

    private static final Logger log = LoggerFactory.getLogger(SeatOutcomes.class);

    private final Orders orders;
    private final JdbcClient jdbc;
    private final Clock clock;

    SeatOutcomes(Orders orders, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void held(String eventId, String orderId, List<String> seats, Instant deadline) {
        Instant now = clock.instant();
        if (firstDelivery(eventId, now)) {
            orders.findById(orderId).ifPresentOrElse(o -> o.hold(seats, deadline, now), () -> unknown(orderId, eventId));
        }
    }

    @Transactional
    public void rejected(String eventId, String orderId, String reason, String detail) {
        Instant now = clock.instant();
        if (firstDelivery(eventId, now)) {
            orders.findById(orderId).ifPresentOrElse(o -> o.reject(reason, detail, now),
                    () -> unknown(orderId, eventId));
        }
    }

    private boolean firstDelivery(String eventId, Instant now) {
        return jdbc.sql("INSERT IGNORE INTO processed_event (event_id, processed_at) VALUES (?, ?)")
                .param(eventId).param(Timestamp.from(now)).update() == 1;
    }

    private static void unknown(String orderId, String eventId) {
        log.warn("event {} names order {} which this order-api does not know; ignored", eventId, orderId);
    }
}
