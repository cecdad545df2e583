package dev.marquee.relay;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay's settings ({@code marquee.outbox.relay.*}); the CDC connection is {@link CdcProperties}.
 * Offsets and schema history live in Kafka topics, so any outbox-relay instance can take the relay over.
 * <p>
 * Debezium 3.5's change-event queue returns a batch to the relay when {@code max-batch-size} events are in it or when
 * {@code poll-interval} has passed, whichever comes first, never as soon as one event is there: the interval is the
 * longest an event waits in the queue when few come, and each interval ends with up to a millisecond of spinning
 * (the queue's timer counts whole milliseconds and waits 0 ms in the last one). Hence a short interval (latency) and
 * a small batch (under load a batch fills, and goes, long before the interval ends, without that spin).
 *
 * @param serverId            the binlog client's server id (unique among the database's replicas)
 * @param pollInterval        the longest an outbox event waits in Debezium's queue before it is relayed (its
 *                            {@code poll.interval.ms}); idle, the relay wakes this often
 * @param maxBatchSize        at most this many events are relayed together (Debezium's {@code max.batch.size}); a
 *                            batch this full goes at once, without waiting out the poll interval
 * @param offsetFlushInterval how often the binlog position of what Kafka acknowledged is stored (Debezium's
 *                            {@code offset.flush.interval.ms}); a relay that crashed sends again at most this much
 * @param offsetsTopic        the Kafka topic the relay's binlog offsets are kept in
 * @param schemaHistoryTopic  the Kafka topic the relay's schema history is kept in
 * @param restartDelay        pause before a relay that failed starts again
 * @param checkInterval       how often a standby tries for the relay lock, and the leader checks it still holds it
 * @param leaderLease         how long the relay lock outlives a leader that died (Redisson's watchdog renews it every
 *                            third of that while the leader lives); every order waits that long for a new relay
 */
@ConfigurationProperties("marquee.outbox.relay")
public record OutboxRelayProperties(@DefaultValue("5501") int serverId,
                                    @DefaultValue("10ms") Duration pollInterval,
                                    @DefaultValue("16") int maxBatchSize,
                                    @DefaultValue("1s") Duration offsetFlushInterval,
                                    @DefaultValue("marquee.outbox-relay.offsets") String offsetsTopic,
                                    @DefaultValue("marquee.outbox-relay.schema-history") String schemaHistoryTopic,
                                    @DefaultValue("5s") Duration restartDelay,
                                    @DefaultValue("1s") Duration checkInterval,
                                    @DefaultValue("10s") Duration leaderLease) {
}
