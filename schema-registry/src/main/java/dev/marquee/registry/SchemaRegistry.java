package dev.marquee.registry;

import dev.marquee.registry.RegistryState.Version;
import dev.marquee.registry.SchemaEntry.CompatibilitySet;
import dev.marquee.registry.SchemaEntry.SchemaRegistered;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The registry's operations: validates, checks compatibility, makes each change durable in the
 * {@link SchemaStore} and only then applies it. Every operation is serialized on this object.
 */
final class SchemaRegistry {

    private final SchemaStore store;
    private final RegistryState state = new RegistryState();

    SchemaRegistry(SchemaStore store) {
        this.store = store;
        store.entries().forEach(state::apply);
    }

    /** The schema's global id, registering it as the subject's next version unless it already is one. */
    synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        List<Version> versions = state.versions(subject);
        Optional<Integer> existingId = state.idOf(schema);
        if (existingId.isPresent() && versions.stream().anyMatch(v -> v.id() == existingId.get())) {
            return existingId.get();
        }
        Compatibility level = state.effectiveLevel(subject);
        List<String> problems = level.problems(schema, schemas(versions));
        if (!problems.isEmpty()) {
            throw RegistryError.incompatible(subject, level, problems);
        }
        int id = existingId.orElseGet(state::nextId);
        int version = versions.isEmpty() ? 1 : versions.getLast().version() + 1;
        persist(new SchemaRegistered(subject, version, id, RegistryState.canonicalText(schema)));
        return id;
    }

    synchronized Version lookup(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        int id = state.idOf(schema).orElseThrow(() -> RegistryError.schemaNotFound("under subject " + subject));
        return existingVersions(subject).stream()
                .filter(v -> v.id() == id)
                .findFirst()
                .orElseThrow(() -> RegistryError.schemaNotFound("under subject " + subject));
    }

    synchronized Schema schemaById(int id) {
        return state.schema(id).orElseThrow(() -> RegistryError.schemaNotFound("id " + id));
    }

    synchronized List<String> subjects() {
        return state.subjects();
    }

    synchronized List<Integer> versionNumbers(String subject) {
        return existingVersions(subject).stream().map(Version::version).toList();
    }

    /** {@code versionSpec} is a version number, {@code latest} or {@code -1} (latest). */
    synchronized Version version(String subject, String versionSpec) {
        List<Version> versions = existingVersions(subject);
        if (isLatest(versionSpec)) {
            return versions.getLast();
        }
        int number = versionNumber(versionSpec);
        return versions.stream()
                .filter(v -> v.version() == number)
                .findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(subject, versionSpec));
    }

    /** Against {@code latest}, a transitive level checks every version; against a number, that version only. */
    synchronized boolean isCompatible(String subject, String versionSpec, String schemaText) {
        Schema schema = parse(schemaText);
        List<Schema> against = isLatest(versionSpec)
                ? schemas(existingVersions(subject))
                : List.of(version(subject, versionSpec).schema());
        return state.effectiveLevel(subject).problems(schema, against).isEmpty();
    }

    synchronized Compatibility globalLevel() {
        return state.globalLevel();
    }

    /** The subject's own level, or the global one when {@code defaultToGlobal}. */
    synchronized Compatibility subjectLevel(String subject, boolean defaultToGlobal) {
        return state.subjectLevel(subject)
                .or(() -> defaultToGlobal ? Optional.of(state.globalLevel()) : Optional.empty())
                .orElseThrow(() -> RegistryError.subjectConfigNotFound(subject));
    }

    /** Sets the level of {@code subject}, or the global level when it is {@code null}. */
    synchronized Compatibility setLevel(String subject, Compatibility level) {
        persist(new CompatibilitySet(subject, level));
        return level;
    }

    private List<Version> existingVersions(String subject) {
        List<Version> versions = state.versions(subject);
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return versions;
    }

    private void persist(SchemaEntry entry) {
        try {
            store.append(entry);
        } catch (RuntimeException e) {
            throw RegistryError.storeFailed(e);
        }
        state.apply(entry);
    }

    private static List<Schema> schemas(List<Version> versions) {
        return versions.stream().map(Version::schema).toList();
    }

    private static boolean isLatest(String versionSpec) {
        return "latest".equals(versionSpec) || "-1".equals(versionSpec);
    }

    private static int versionNumber(String versionSpec) {
        try {
            int number = Integer.parseInt(versionSpec);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RegistryError.invalidVersion(versionSpec);
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("the request has no schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (RuntimeException e) {
            throw RegistryError.invalidSchema(e.getMessage());
        }
    }
}
