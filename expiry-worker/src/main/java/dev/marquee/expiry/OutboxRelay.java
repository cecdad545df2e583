package dev.marquee.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
 */
@Component
public class OutboxRelay {

    private final EventOutbox outbox;
    private final EventPublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OutboxRelay(EventOutbox outbox, EventPublisher publisher, PlatformTransactionManager transactions, Clock clock) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
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
            publisher.publish(events);
            outbox.markPublished(events.stream().map(ExpiryEvent::eventId).toList(), clock.instant());
        }
        return events.size();
    }
}
