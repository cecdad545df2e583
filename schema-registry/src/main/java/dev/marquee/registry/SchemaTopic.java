package dev.marquee.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry's topic: created compacted with one partition if missing, and read back without a consumer group. */
final class SchemaTopic {

    static final int PARTITION = 0;
    private static final Logger log = LoggerFactory.getLogger(SchemaTopic.class);

    private final String bootstrapServers;
    private final String topic;
    private final Duration timeout;

    SchemaTopic(String bootstrapServers, String topic, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.timeout = timeout;
    }

    void createIfMissing(short replicationFactor) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                await(admin.createTopics(List.of(newTopic)).all());
                log.info("Created schema topic {}", topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create schema topic " + topic + " at " + bootstrapServers, e);
                }
            }
            checkExisting(admin);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot inspect schema topic " + topic + " at " + bootstrapServers, e);
        }
    }

    private void checkExisting(Admin admin) throws ExecutionException, TimeoutException {
        TopicDescription description = await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        if (description.partitions().size() != 1) {
            throw new IllegalStateException("Schema topic %s must have exactly 1 partition, it has %d"
                    .formatted(topic, description.partitions().size()));
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = await(admin.describeConfigs(List.of(resource)).all()).get(resource);
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
            log.warn("Schema topic {} has cleanup.policy={}; use compact, or schemas may be deleted", topic, policy);
        }
    }

    /** The values of the topic from its beginning to its current end offset, in order; tombstones skipped. */
    List<String> readAll() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-store-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        TopicPartition partition = new TopicPartition(topic, PARTITION);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            Instant deadline = Instant.now().plus(timeout);
            while (consumer.position(partition, timeout) < end) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Timed out reading schema topic %s to offset %d"
                            .formatted(topic, end));
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        values.add(record.value());
                    }
                    deadline = Instant.now().plus(timeout);
                }
            }
        }
        log.info("Read {} entries from schema topic {}", values.size(), topic);
        return values;
    }

    private <T> T await(KafkaFuture<T> future) throws ExecutionException, TimeoutException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting up schema topic " + topic, e);
        }
    }
}
