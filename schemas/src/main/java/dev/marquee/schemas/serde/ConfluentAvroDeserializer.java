package dev.marquee.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent's wire format: fetches the writer schema by id once, then decodes into the generated
 * {@link SpecificRecord} ({@code specific.avro.reader=true}, resolving writer against the class's schema)
 * or a {@link org.apache.avro.generic.GenericRecord}. Kafka creates it with the no-argument constructor
 * and then calls {@link #configure}, hence the fields set there are not final.
 */
public class ConfluentAvroDeserializer implements Deserializer<Object> {

    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean specificReader;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeConfig config = SerdeConfig.from(configs, isKey);
        this.registry = new SchemaRegistryClient(config.registryUrls());
        this.specificReader = config.specificReader();
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int id = WireFormat.schemaId(bytes);
        DatumReader<Object> reader = reader(id);
        try {
            int length = bytes.length - WireFormat.HEADER_SIZE;
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE, length, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not read Avro data of schema id %d from topic %s".formatted(id, topic), e);
        }
    }

    private DatumReader<Object> reader(int id) {
        DatumReader<Object> cached = readers.get(id);
        if (cached != null) {
            return cached;
        }
        if (registry == null) {
            throw new IllegalStateException("ConfluentAvroDeserializer used before configure()");
        }
        Schema writer;
        try {
            writer = registry.getById(id);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Could not fetch the schema with id %d: %s".formatted(id, e.getMessage()), e);
        }
        DatumReader<Object> reader = specificReader ? specificReader(id, writer) : new GenericDatumReader<>(writer);
        readers.putIfAbsent(id, reader);
        return reader;
    }

    private static DatumReader<Object> specificReader(int id, Schema writer) {
        GeneratedClassModel model = new GeneratedClassModel(classLoader());
        Class<?> type = model.recordClass(writer).orElseThrow(() -> new SerializationException((
                "No generated class %s on the classpath for schema id %d; "
                        + "set specific.avro.reader=false to read it as a GenericRecord").formatted(writer.getFullName(), id)));
        SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
        return new SpecificDatumReader<>(writer, model.getSchema(type), model);
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ConfluentAvroDeserializer.class.getClassLoader();
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
