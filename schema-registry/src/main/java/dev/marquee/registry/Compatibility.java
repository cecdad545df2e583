package dev.marquee.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * The compatibility levels of Confluent's Schema Registry, checked with Avro's own
 * {@link SchemaCompatibility}. BACKWARD: the new schema reads data written with the old;
 * FORWARD: the old schema reads data written with the new; FULL: both. Transitive levels
 * check every earlier version, the others only the latest.
 */
public enum Compatibility {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    Compatibility(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /**
     * Why {@code candidate} may not follow {@code earlier} (oldest first) under this level;
     * empty when it may.
     */
    public List<String> problems(Schema candidate, List<Schema> earlier) {
        List<Schema> checked = transitive || earlier.isEmpty()
                ? earlier
                : List.of(earlier.getLast());
        List<String> problems = new ArrayList<>();
        for (Schema previous : checked) {
            if (backward) {
                problems.addAll(check(candidate, previous));
            }
            if (forward) {
                problems.addAll(check(previous, candidate));
            }
        }
        return problems;
    }

    private static List<String> check(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult()
                .getIncompatibilities()
                .stream()
                .map(Compatibility::describe)
                .toList();
    }

    private static String describe(Incompatibility incompatibility) {
        return "{errorType:'%s', description:'%s', location:'%s'}".formatted(
                incompatibility.getType(), incompatibility.getMessage(), incompatibility.getLocation());
    }
}
