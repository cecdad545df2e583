package dev.marquee.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.marquee.support.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's events and marks them published, in one transaction that holds their rows locked while
 * Kafka acknowledges: another instance skips them meanwhile, so an event is sent once unless the mark is lost
 * after the broker's ack (then it is sent again with the same id, which consumers drop). The transaction reads
 * committed: {@code SKIP LOCKED} then takes record locks only, no gap locks, so relays of several instances and
 * the sweeps recording new events do not deadlock one another.
 * <p>
 * Events that fail to send transiently (the broker or the registry away) stay unsent for the next sweep. If they
 * fail for good, they are sent one at a time, and the one that fails again is set aside in the outbox with its
 * cause ({@link EventOutbox#markFailed}), so that it holds up neither the others nor the sweeps after it.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final EventOutbox outbox;
    private final EventPublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ExpiryMetrics metrics;

    OutboxRelay(EventOutbox outbox, EventPublisher publisher, PlatformTransactionManager transactions, Clock clock,
                ExpiryMetrics metrics) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Sends these just-recorded events, unless another instance is sending them or sent them. */
    public void publish(List<ExpiryEvent> events) {
        if (!events.isEmpty()) {
            List<String> ids = events.stream().map(ExpiryEvent::eventId).toList();
            transaction.executeWithoutResult(status -> send(outbox.lockUnpublished(ids)));
        }
    }

    /** Sends what earlier sweeps (of any instance) recorded but could not send, oldest first. */
    public int publishPending(int batch) {
        int sent = 0;
        int last;
        do {
            last = transaction.execute(status -> send(outbox.lockUnpublished(batch)));
            sent += last;
        } while (last == batch);
        return sent;
    }

    /** Forgets events published before {@code before}. */
    public void purgePublished(Instant before) {
        transaction.executeWithoutResult(status -> outbox.purgePublished(before));
    }

    private int send(List<ExpiryEvent> events) {
        if (!events.isEmpty()) {
            List<String> sent = publishOrSetAside(events);
            if (!sent.isEmpty()) {
                outbox.markPublished(sent, clock.instant());
            }
        }
        return events.size();
    }

    /** @return the ids of the events Kafka acknowledged; the others were set aside */
    private List<String> publishOrSetAside(List<ExpiryEvent> events) {
        try {
            publisher.publish(events);
            return events.stream().map(ExpiryEvent::eventId).toList();
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            log.warn("{} events failed for good together ({}); sending them one at a time", events.size(),
                    e.toString());
        }
        List<String> sent = new ArrayList<>(events.size());
        for (ExpiryEvent event : events) {
            try {
                publisher.publish(List.of(event));
                sent.add(event.eventId());
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                setAside(event, e);
            }
        }
        return sent;
    }

    private void setAside(ExpiryEvent event, RuntimeException failure) {
        log.error("event {} of order {} cannot be sent; it is set aside in the outbox with its cause",
                event.eventId(), event.orderId(), failure);
        outbox.markFailed(event.eventId(), failure.toString(), clock.instant());
        metrics.eventSetAside();
    }
}
