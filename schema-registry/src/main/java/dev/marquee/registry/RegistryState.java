package dev.marquee.registry;

import dev.marquee.registry.SchemaEntry.CompatibilitySet;
import dev.marquee.registry.SchemaEntry.SchemaRegistered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * What the registry knows, rebuilt by applying {@link SchemaEntry entries} in order. Schema ids are
 * global: one id per canonical schema text, whichever subjects use it. Not thread-safe on its own.
 */
final class RegistryState {

    record Version(String subject, int version, int id, Schema schema) {
    }

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonicalText = new HashMap<>();
    private final Map<String, List<Version>> versionsBySubject = new TreeMap<>();
    private final Map<String, Compatibility> subjectLevels = new HashMap<>();
    private Compatibility globalLevel = Compatibility.BACKWARD;

    void apply(SchemaEntry entry) {
        switch (entry) {
            case SchemaRegistered registered -> apply(registered);
            case CompatibilitySet set when set.global() -> globalLevel = set.level();
            case CompatibilitySet set -> subjectLevels.put(set.subject(), set.level());
        }
    }

    private void apply(SchemaRegistered registered) {
        Schema schema = new Schema.Parser().parse(registered.schema());
        schemasById.putIfAbsent(registered.id(), schema);
        idsByCanonicalText.putIfAbsent(canonicalText(schema), registered.id());
        List<Version> versions = versionsBySubject.computeIfAbsent(registered.subject(), s -> new ArrayList<>());
        boolean known = versions.stream().anyMatch(v -> v.version() == registered.version());
        if (!known) {
            versions.add(new Version(registered.subject(), registered.version(), registered.id(), schema));
        }
    }

    /** The text that identifies a schema: equal texts share one id. */
    static String canonicalText(Schema schema) {
        return schema.toString();
    }

    Optional<Schema> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    Optional<Integer> idOf(Schema schema) {
        return Optional.ofNullable(idsByCanonicalText.get(canonicalText(schema)));
    }

    int nextId() {
        return schemasById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    /** The subject's versions, oldest first; empty for an unknown subject. */
    List<Version> versions(String subject) {
        return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
    }

    Compatibility globalLevel() {
        return globalLevel;
    }

    Optional<Compatibility> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    Compatibility effectiveLevel(String subject) {
        return subjectLevel(subject).orElse(globalLevel);
    }
}
