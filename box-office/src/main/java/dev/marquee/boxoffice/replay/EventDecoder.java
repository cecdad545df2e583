package dev.marquee.boxoffice.replay;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.marquee.schemas.serde.ConfluentAvroDeserializer;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes Confluent-format Avro values with the registry: into the generated class when this build has one, else
 * into a generic record, so events newer than this build still replay. Not thread-safe (one per replay).
 */
final class EventDecoder implements AutoCloseable {

    private final ConfluentAvroDeserializer specific = new ConfluentAvroDeserializer();
    private final ConfluentAvroDeserializer generic = new ConfluentAvroDeserializer();
    private final Set<Integer> withoutClass = new HashSet<>();
    private final Map<Integer, String> types = new HashMap<>();

    EventDecoder(String registryUrl) {
        specific.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", "true"), false);
        generic.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", "false"), false);
    }

    /** The Avro type name of the value's schema, if a value of that schema was decoded before; else null. */
    String knownType(byte[] value) {
        return types.get(schemaId(value));
    }

    /** The record; throws {@link SerializationException} if the bytes are not Avro of a schema the registry has. */
    IndexedRecord decode(String topic, byte[] value) {
        int schemaId = schemaId(value);
        IndexedRecord record = read(topic, value, schemaId);
        if (schemaId >= 0 && !types.containsKey(schemaId)) {
            types.put(schemaId, record.getSchema().getName());
        }
        return record;
    }

    private static int schemaId(byte[] value) {
        return value.length >= 5 && value[0] == 0
                ? (value[1] & 0xff) << 24 | (value[2] & 0xff) << 16 | (value[3] & 0xff) << 8 | value[4] & 0xff : -1;
    }

    private IndexedRecord read(String topic, byte[] value, int schemaId) {
        if (!withoutClass.contains(schemaId)) {
            try {
                return (IndexedRecord) specific.deserialize(topic, value);
            } catch (SerializationException e) {
                if (schemaId < 0 || !(e.getMessage() != null && e.getMessage().startsWith("No generated class"))) {
                    throw e;
                }
                withoutClass.add(schemaId);
            }
        }
        return (IndexedRecord) generic.deserialize(topic, value);
    }

    @Override
    public void close() {
        specific.close();
        generic.close();
    }
}
