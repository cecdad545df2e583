package dev.marquee.registry;

import dev.marquee.registry.SchemaEntry.CompatibilitySet;
import dev.marquee.registry.SchemaEntry.SchemaRegistered;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON keys and values of {@link SchemaEntry entries} in a compacted topic, in the manner of
 * Confluent's {@code _schemas}: a schema's key is {@code {"subject","version"}}, a level's key
 * {@code {"subject" (or "__GLOBAL"),"type":"CONFIG"}}, so compaction keeps the latest of each.
 */
final class SchemaEntryCodec {

    static final String GLOBAL = "__GLOBAL";
    private static final String SCHEMA = "SCHEMA";
    private static final String CONFIG = "CONFIG";

    private final ObjectMapper json = JsonMapper.builderWithJackson2Defaults().build();

    String key(SchemaEntry entry) {
        ObjectNode key = json.createObjectNode();
        switch (entry) {
            case SchemaRegistered registered -> key.put("subject", registered.subject()).put("version", registered.version());
            case CompatibilitySet set -> key.put("subject", set.global() ? GLOBAL : set.subject()).put("type", CONFIG);
        }
        return write(key);
    }

    String value(SchemaEntry entry) {
        ObjectNode value = json.createObjectNode();
        switch (entry) {
            case SchemaRegistered registered -> value.put("type", SCHEMA)
                    .put("subject", registered.subject())
                    .put("version", registered.version())
                    .put("id", registered.id())
                    .put("schema", registered.schema());
            case CompatibilitySet set -> value.put("type", CONFIG)
                    .put("subject", set.global() ? GLOBAL : set.subject())
                    .put("compatibilityLevel", set.level().name());
        }
        return write(value);
    }

    SchemaEntry entry(String value) {
        JsonNode node = read(value);
        String subject = node.path("subject").asString(null);
        return switch (node.path("type").asString()) {
            case SCHEMA -> new SchemaRegistered(subject, node.path("version").asInt(), node.path("id").asInt(),
                    node.path("schema").asString());
            case CONFIG -> new CompatibilitySet(GLOBAL.equals(subject) ? null : subject,
                    Compatibility.valueOf(node.path("compatibilityLevel").asString()));
            default -> throw new IllegalArgumentException("Not a schema registry entry: " + value);
        };
    }

    private String write(JsonNode node) {
        return json.writeValueAsString(node);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a schema registry entry: " + text, e);
        }
    }
}
