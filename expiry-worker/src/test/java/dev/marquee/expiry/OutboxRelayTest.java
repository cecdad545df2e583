package dev.marquee.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class OutboxRelayTest {

    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    final Outbox outbox = new Outbox();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void anEventThatFailsForGoodIsSetAsideWithItsCauseAndTheOthersAreSent() {
        List<ExpiryEvent> sent = new ArrayList<>();
        OutboxRelay relay = relay(sent, event -> event.orderId().equals("o-2")
                ? new IllegalArgumentException("Field holdDeadline does not accept null values") : null);
        outbox.append(List.of(expired("o-1"), expired("o-2"), expired("o-3")));

        assertThat(relay.publishPending(10)).isEqualTo(3);

        assertThat(sent).extracting(ExpiryEvent::orderId).containsExactly("o-1", "o-3");
        assertThat(outbox.published).containsExactly(id("o-1"), id("o-3"));
        assertThat(outbox.failed).containsOnlyKeys(id("o-2"));
        assertThat(outbox.failed.get(id("o-2"))).contains("IllegalArgumentException", "holdDeadline");
        assertThat(meters.counter("marquee.expiry.outbox.set.aside").count()).isEqualTo(1);
        assertThat(relay.publishPending(10)).as("nothing is left to send").isZero();
    }

    @Test
    void aTransientFailureLeavesEverythingToTheNextSweep() {
        List<ExpiryEvent> sent = new ArrayList<>();
        OutboxRelay relay = relay(sent, event -> event.orderId().equals("o-2")
                ? new RuntimeException("send failed", new TimeoutException("broker away")) : null);
        outbox.append(List.of(expired("o-1"), expired("o-2")));

        assertThatThrownBy(() -> relay.publishPending(10)).hasRootCauseInstanceOf(TimeoutException.class);

        assertThat(outbox.published).isEmpty();
        assertThat(outbox.failed).isEmpty();
    }

    private OutboxRelay relay(List<ExpiryEvent> sent, java.util.function.Function<ExpiryEvent, RuntimeException> fails) {
        EventPublisher publisher = events -> {
            List<ExpiryEvent> accepted = new ArrayList<>();
            for (ExpiryEvent event : events) {
                RuntimeException failure = fails.apply(event);
                if (failure != null) {
                    throw failure;
                }
                accepted.add(event);
            }
            sent.addAll(accepted);
        };
        return new OutboxRelay(outbox, publisher, new NoTransactions(), Clock.fixed(NOW, ZoneOffset.UTC),
                new ExpiryMetrics(meters));
    }

    private static ExpiryEvent expired(String orderId) {
        return new ExpiryEvent.OrderExpired(NOW, orderId);
    }

    private static String id(String orderId) {
        return expired(orderId).eventId();
    }

    /** The outbox in memory; a "transaction" is not rolled back here, so the tests look at what was marked. */
    static final class Outbox implements EventOutbox {

        final Map<String, ExpiryEvent> events = new LinkedHashMap<>();
        final List<String> published = new ArrayList<>();
        final Map<String, String> failed = new LinkedHashMap<>();

        @Override
        public void append(List<ExpiryEvent> appended) {
            appended.forEach(e -> events.put(e.eventId(), e));
        }

        @Override
        public List<ExpiryEvent> lockUnpublished(Collection<String> eventIds) {
            return pending(e -> eventIds.contains(e.eventId()), Integer.MAX_VALUE);
        }

        @Override
        public List<ExpiryEvent> lockUnpublished(int limit) {
            return pending(e -> true, limit);
        }

        private List<ExpiryEvent> pending(Predicate<ExpiryEvent> which, int limit) {
            return events.values().stream().filter(which)
                    .filter(e -> !published.contains(e.eventId()) && !failed.containsKey(e.eventId()))
                    .limit(limit).toList();
        }

        @Override
        public void markPublished(Collection<String> eventIds, Instant at) {
            published.addAll(eventIds);
        }

        @Override
        public void markFailed(String eventId, String cause, Instant at) {
            failed.put(eventId, cause);
        }

        @Override
        public int purgePublished(Instant before) {
            return 0;
        }
    }

    static final class NoTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
