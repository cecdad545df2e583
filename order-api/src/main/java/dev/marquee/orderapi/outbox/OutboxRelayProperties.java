package dev.marquee.orderapi.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay's settings ({@code marquee.outbox.relay.*}); the CDC connection is {@link CdcProperties}.
 * Offsets and schema history live in Kafka topics, so any order-api instance can take the relay over.
 *
 * @param enabled            whether this order-api instance stands for election as the outbox relay
 * @param serverId           the binlog client's server id (unique among the database's replicas)
 * @param pollInterval       how often the embedded Debezium engine polls for new binlog events
 * @param offsetsTopic       the Kafka topic the relay's binlog offsets are kept in
 * @param schemaHistoryTopic the Kafka topic the relay's schema history is kept in
 * @param restartDelay       pause before a relay that failed starts again
 * @param checkInterval      how often a standby tries for the relay lock, and the leader checks it still holds it
 * @param leaderLease        how long the relay lock outlives a leader that died (Redisson's watchdog renews it every
 *                           third of that while the leader lives); every order waits that long for a new relay
 */
@ConfigurationProperties("marquee.outbox.relay")
public record OutboxRelayProperties(@DefaultValue("true") boolean enabled,
                                    @DefaultValue("5501") int serverId,
                                    @DefaultValue("10ms") Duration pollInterval,
                                    @DefaultValue("marquee.outbox-relay.offsets") String offsetsTopic,
                                    @DefaultValue("marquee.outbox-relay.schema-history") String schemaHistoryTopic,
                                    @DefaultValue("5s") Duration restartDelay,
                                    @DefaultValue("1s") Duration checkInterval,
                                    @DefaultValue("10s") Duration leaderLease) {
}
