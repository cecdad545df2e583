package dev.marquee.orderapi.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The relay's settings ({@code marquee.outbox.relay.*}) and the CDC connection ({@code marquee.cdc.*}).
 * Offsets and schema history live in Kafka topics, so any order-api instance can take the relay over.
 * {@code leader-lease}: how long the relay lock outlives a leader that died (Redisson's watchdog renews it every
 * third of that while the leader lives); every order waits that long for a new relay.
 */
@ConfigurationProperties("marquee.outbox.relay")
public record OutboxRelayProperties(boolean enabled, int serverId, Duration pollInterval, String offsetsTopic,
                                    String schemaHistoryTopic, Duration restartDelay,
                                    Duration checkInterval, Duration leaderLease) {

    public OutboxRelayProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(10) : pollInterval;
        restartDelay = restartDelay == null ? Duration.ofSeconds(5) : restartDelay;
        checkInterval = checkInterval == null ? Duration.ofSeconds(1) : checkInterval;
        leaderLease = leaderLease == null ? Duration.ofSeconds(10) : leaderLease;
        offsetsTopic = offsetsTopic == null ? "marquee.outbox-relay.offsets" : offsetsTopic;
        schemaHistoryTopic = schemaHistoryTopic == null ? "marquee.outbox-relay.schema-history" : schemaHistoryTopic;
        serverId = serverId == 0 ? 5501 : serverId;
    }
}
