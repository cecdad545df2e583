package dev.marquee.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated {@link SpecificRecord}s or any {@link GenericContainer}) in Confluent's
 * wire format, registering or looking up their schema once per subject. Configured like Confluent's
 * {@code KafkaAvroSerializer} (see {@link SerdeConfig}). Kafka creates it with the no-argument
 * constructor and then calls {@link #configure}, hence the fields set there are not final.
 */
public class ConfluentAvroSerializer implements Serializer<Object> {

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Class<?>, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();
    private SerdeConfig config;
    private SchemaRegistryClient registry;
    private boolean isKey;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = SerdeConfig.from(configs, isKey);
        this.registry = new SchemaRegistryClient(config.registryUrls());
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("ConfluentAvroSerializer writes Avro SpecificRecord or GenericContainer, not "
                    + data.getClass().getName());
        }
        if (registry == null) {
            throw new IllegalStateException("ConfluentAvroSerializer used before configure()");
        }
        Schema schema = container.getSchema();
        String subject = config.subjectNameStrategy().subject(topic, isKey, schema);
        int id = schemaId(subject, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(WireFormat.header(id));
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer(data, schema).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not write %s as Avro for topic %s".formatted(schema.getFullName(), topic), e);
        }
    }

    private int schemaId(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            int id = config.autoRegister() ? registry.register(subject, schema) : registry.lookup(subject, schema);
            ids.putIfAbsent(key, id);
            return id;
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Could not %s schema %s under subject %s: %s".formatted(
                    config.autoRegister() ? "register" : "look up", schema.getFullName(), subject, e.getMessage()), e);
        }
    }

    /** Generated classes are written with their own model (logical-type conversions), others generically. */
    private DatumWriter<Object> writer(Object data, Schema schema) {
        if (data instanceof SpecificRecord) {
            return specificWriters.computeIfAbsent(data.getClass(),
                    type -> new SpecificDatumWriter<>(schema, SpecificData.getForClass(type)));
        }
        return genericWriters.computeIfAbsent(schema, s -> new GenericDatumWriter<>(s, GenericData.get()));
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
