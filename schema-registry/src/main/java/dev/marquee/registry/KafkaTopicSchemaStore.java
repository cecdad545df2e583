package dev.marquee.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Keeps entries in a compacted, single-partition Kafka topic ({@code _schemas} by default), as
 * Confluent's registry does. Opening creates the topic if it is missing and reads it from the beginning
 * to its end offset; each append is a synchronous produce with {@code acks=all}.
 *
 * <p>Assumes one registry writes the topic. A write whose outcome is unknown (e.g. a delivery timeout)
 * leaves this store refusing further writes until it is reopened, because the in-memory state may no
 * longer match the topic; reopening reads back whatever did land.
 */
public final class KafkaTopicSchemaStore implements SchemaStore {

    public static final String DEFAULT_TOPIC = "_schemas";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final SchemaEntryCodec codec = new SchemaEntryCodec();
    private final List<SchemaEntry> entries = new CopyOnWriteArrayList<>();
    private final Producer<String, String> producer;
    private volatile Exception failedWrite;

    public KafkaTopicSchemaStore(String bootstrapServers) {
        this(bootstrapServers, DEFAULT_TOPIC);
    }

    public KafkaTopicSchemaStore(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, (short) 1, DEFAULT_TIMEOUT);
    }

    public KafkaTopicSchemaStore(String bootstrapServers, String topic, short replicationFactor, Duration timeout) {
        this.topic = topic;
        SchemaTopic schemaTopic = new SchemaTopic(bootstrapServers, topic, timeout);
        schemaTopic.createIfMissing(replicationFactor);
        schemaTopic.readAll().forEach(value -> entries.add(codec.entry(value)));
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers, timeout));
    }

    @Override
    public List<SchemaEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized void append(SchemaEntry entry) {
        if (failedWrite != null) {
            throw new IllegalStateException("An earlier write to topic " + topic
                    + " may or may not have landed; reopen the store to read the topic back", failedWrite);
        }
        ProducerRecord<String, String> record =
                new ProducerRecord<>(topic, SchemaTopic.PARTITION, codec.key(entry), codec.value(entry));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(e);
        } catch (ExecutionException e) {
            throw failed(e);
        }
        entries.add(entry);
    }

    private IllegalStateException failed(Exception cause) {
        failedWrite = cause;
        return new IllegalStateException("Could not write to topic " + topic + ": " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static Map<String, Object> producerConfig(String bootstrapServers, Duration timeout) {
        long millis = Math.max(timeout.toMillis(), 2);
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-store",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, millis,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(millis / 2, Integer.MAX_VALUE),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(millis, Integer.MAX_VALUE),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    }
}
