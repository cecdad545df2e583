package dev.marquee.schemas.serde;

import java.io.IOException;
import java.time.Duration;
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
    private Duration patience = Duration.ofSeconds(30);

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeConfig config = SerdeConfig.from(configs, isKey);
        this.registry = new SchemaRegistryClient(config.registryUrls());
        this.specificReader = config.specificReader();
        this.patience = config.registryPatience();
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
        Schema writer = fetch(id);
        DatumReader<Object> reader = specificReader ? specificReader(id, writer) : new GenericDatumReader<>(writer);
        readers.putIfAbsent(id, reader);
        return reader;
    }

    /**
     * The writer schema, asked again with backoff (100 ms doubling to 2 s) while the registry is unavailable, for
     * up to {@code marquee.schema.registry.patience.ms}: a registry that restarts or blips must not turn records
     * into dead letters. A refusal (an unknown id) fails at once. Kafka's consumer keeps its heartbeat meanwhile.
     */
    private Schema fetch(int id) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 100;
        while (true) {
            try {
                return registry.getById(id);
            } catch (SchemaRegistryException e) {
                if (!e.unavailable() || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw new SerializationException("Could not fetch the schema with id %d: %s".formatted(id,
                            e.getMessage()), e);
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SerializationException("Interrupted while fetching the schema with id " + id, e);
            }
            pause = Math.min(pause * 2, 2_000);
        }
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
