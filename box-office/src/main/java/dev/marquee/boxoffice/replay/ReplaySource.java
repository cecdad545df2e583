package dev.marquee.boxoffice.replay;

import java.util.Map;
import java.util.Objects;

/**
 * Where to read events: the Kafka bootstrap servers, the schema registry that decodes them, and any other
 * consumer properties (security, for instance); a group id among them is refused, replays never join a group.
 */
public record ReplaySource(String bootstrapServers, String schemaRegistryUrl, Map<String, Object> consumerProperties) {

    public ReplaySource {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        consumerProperties = Map.copyOf(consumerProperties);
        if (consumerProperties.containsKey("group.id")) {
            throw new IllegalArgumentException("a replay reads without a consumer group; remove group.id");
        }
    }

    public ReplaySource(String bootstrapServers, String schemaRegistryUrl) {
        this(bootstrapServers, schemaRegistryUrl, Map.of());
    }
}
