package dev.marquee.schemas.serde;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;

/**
 * A {@link SpecificData} that finds the generated classes of named schemas itself. Avro 1.12.2 resolves
 * every class by name through {@code ClassSecurityValidator}, which trusts only a few JDK classes, so
 * reading into an application's own generated records fails unless the JVM runs with
 * {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES} (AVRO-4189). This model resolves a name only to a
 * generated record, enum or fixed class, loaded without initializing anything else; any other name
 * reads as a generic value.
 */
final class GeneratedClassModel extends SpecificData {

    private final Map<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();

    GeneratedClassModel(ClassLoader classLoader) {
        super(classLoader);
    }

    /** The generated class for a record schema, if one is on the classpath. */
    Optional<Class<?>> recordClass(Schema schema) {
        Class<?> type = getClass(schema);
        return type != null && SpecificRecord.class.isAssignableFrom(type) ? Optional.of(type) : Optional.empty();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> classes.computeIfAbsent(schema.getFullName(), name -> load(schema)).orElse(null);
            default -> super.getClass(schema);
        };
    }

    private Optional<Class<?>> load(Schema schema) {
        try {
            Class<?> type = Class.forName(getClassName(schema), false, getClassLoader());
            boolean generated = switch (schema.getType()) {
                case RECORD -> SpecificRecord.class.isAssignableFrom(type);
                case ENUM -> type.isEnum();
                default -> SpecificFixed.class.isAssignableFrom(type);
            };
            return generated ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
