package dev.marquee.orderapi.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The relay's settings ({@code marquee.outbox.relay.*}) and the CDC connection ({@code marquee.cdc.*}).
 * Offsets and schema history live in Kafka topics, so any order-api instance can take the relay over.
 */
@ConfigurationProperties("marquee.outbox.relay")
public record OutboxRelayProperties(boolean enabled, int serverId, Duration pollInterval, String offsetsTopic,
                                    String schemaHistoryTopic, Duration restartDelay,
                                    Duration checkInterval) {

    public OutboxRelayProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(10) : pollInterval;
        restartDelay = restartDelay == null ? Duration.ofSeconds(5) : restartDelay;
        checkInterval = checkInterval == null ? Duration.ofSeconds(1) : checkInterval;
        offsetsTopic = offsetsTopic == null ? "marquee.outbox-relay.offsets" : offsetsTopic;
        schemaHistoryTopic = schemaHistoryTopic == null ? "marquee.outbox-relay.schema-history" : schemaHistoryTopic;
        serverId = serverId == 0 ? 5501 : serverId;
    }
}
