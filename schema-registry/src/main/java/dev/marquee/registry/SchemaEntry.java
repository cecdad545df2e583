package dev.marquee.registry;

import java.util.Objects;

/** One durable fact of the registry, in the order it happened; replaying all of them rebuilds its state. */
public sealed interface SchemaEntry {

    /** {@code schema} became {@code version} of {@code subject}, with the global id {@code id}. */
    record SchemaRegistered(String subject, int version, int id, String schema) implements SchemaEntry {
        public SchemaRegistered {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
        }
    }

    /** The compatibility level of {@code subject} was set; a {@code null} subject is the global level. */
    record CompatibilitySet(String subject, Compatibility level) implements SchemaEntry {
        public CompatibilitySet {
            Objects.requireNonNull(level, "level");
        }

        public boolean global() {
            return subject == null;
        }
    }
}
