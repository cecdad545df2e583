package dev.marquee.launcher;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.marquee.schemas.serde.ConfluentAvroDeserializer;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes Confluent-format Avro values with the registry: into the generated class when this build has one (so
 * timestamps read as instants), else into a generic record, so events newer than this build still show.
 */
final class EventDecoder implements AutoCloseable {

    private final ConfluentAvroDeserializer specific = new ConfluentAvroDeserializer();
    private final ConfluentAvroDeserializer generic = new ConfluentAvroDeserializer();
    private final Set<Integer> withoutClass = ConcurrentHashMap.newKeySet();

    EventDecoder(String registryUrl) {
        specific.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", "true"), false);
        generic.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", "false"), false);
    }

    /** The record, or null for a tombstone; throws {@link SerializationException} if the bytes are not Avro of a known schema. */
    GenericContainer decode(String topic, byte[] value) {
        if (value == null) {
            return null;
        }
        int schemaId = value.length >= 5 ? ByteBuffer.wrap(value, 1, 4).getInt() : -1;
        if (!withoutClass.contains(schemaId)) {
            try {
                return (GenericContainer) specific.deserialize(topic, value);
            } catch (SerializationException e) {
                withoutClass.add(schemaId);
            }
        }
        return (GenericContainer) generic.deserialize(topic, value);
    }

    @Override
    public void close() {
        specific.close();
        generic.close();
    }
}
