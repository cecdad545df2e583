package dev.marquee.orderapi.order;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent consumer's message log: an event's effect and its id in {@code processed_event} commit together,
 * so a redelivered event finds its id and changes nothing.
 */
@Component
public class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether this is the event's first delivery; records it in the caller's transaction */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String eventId, Instant now) {
        return jdbc.sql("INSERT IGNORE INTO processed_event (event_id, processed_at) VALUES (?, ?)")
                .param(eventId).param(Timestamp.from(now)).update() == 1;
    }
}
