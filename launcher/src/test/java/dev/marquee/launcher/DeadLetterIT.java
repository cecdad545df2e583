package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitStatus;
import static dev.marquee.launcher.Api.json;
import static dev.marquee.launcher.Api.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * An order request that cannot be decoded goes to order-requests-dlt, bytes intact, and the hall sells on; an
 * operator can send it back once its cause is fixed. order-api does the same with the events it consumes.
 */
class DeadLetterIT {

    @BeforeAll
    static void start() {
        SharedPipeline.get();
    }

    @Test
    void anUndecodableRequestIsKeptInTheDeadLetterTopicAndTheHallKeepsSelling() throws Exception {
        String bootstrap = EmbeddedStack.shared().kafkaBootstrapServers();
        byte[] garbage = ("not an order " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("order-requests", "1", garbage)).get();
        }
        long screening = Api.newScreening(1);

        String id = json(post("/api/orders", "{\"screeningId\":" + screening
                + ",\"seats\":[\"B6\"]}")).read("$.id");

        awaitStatus(id, "HELD");
        assertThat(deadLetters(bootstrap)).anySatisfy(value -> assertThat(value).isEqualTo(garbage));
    }

    /**
     * order-api's listeners set aside what they cannot decode too: garbage on every partition of seat-events lands
     * in order-api-dlt, and an order placed after it still learns that its seats are held.
     */
    @Test
    void anUndecodableSeatEventIsKeptAndOrdersStillLearnTheirOutcome() throws Exception {
        String bootstrap = EmbeddedStack.shared().kafkaBootstrapServers();
        byte[] garbage = ("not a seat event " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        int partitions;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            partitions = producer.partitionsFor("seat-events").size();
            for (int partition = 0; partition < partitions; partition++) {
                producer.send(new ProducerRecord<>("seat-events", partition, "garbage", garbage)).get();
            }
        }
        long screening = Api.newScreening(1);

        String id = json(post("/api/orders", "{\"screeningId\":" + screening
                + ",\"seats\":[\"C6\"]}")).read("$.id");

        awaitStatus(id, "HELD");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> deadLetters(bootstrap, "order-api-dlt").stream().filter(v -> Arrays.equals(v, garbage))
                        .count() == partitions);
    }

    /**
     * Re-driving sends each dead letter back once: the garbage goes back to order-requests, is set aside again
     * (a second copy), and a second re-drive sends only that new copy (a third), not the first one again.
     */
    @Test
    void aRedriveSendsEachDeadLetterBackOnce() throws Exception {
        String bootstrap = EmbeddedStack.shared().kafkaBootstrapServers();
        byte[] garbage = ("still not an order " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("order-requests", "1", garbage)).get();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> copies(bootstrap, garbage) == 1);

        assertThat(redrive(bootstrap)).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> copies(bootstrap, garbage) == 2);
        assertThat(redrive(bootstrap)).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> copies(bootstrap, garbage) >= 3);

        // the first copy was not sent back a second time: no fourth copy comes
        await().pollInterval(Duration.ofMillis(300)).during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .until(() -> copies(bootstrap, garbage) == 3);
        assertThat(copies(bootstrap, garbage)).isEqualTo(3);
    }

    private static int redrive(String bootstrap) {
        return new CommandLine(new Marquee()).execute("dead-letters", "redrive", "order-requests-dlt",
                "--bootstrap", bootstrap);
    }

    private static long copies(String bootstrap, byte[] value) {
        return deadLetters(bootstrap).stream().filter(v -> Arrays.equals(v, value)).count();
    }

    private static List<byte[]> deadLetters(String bootstrap) {
        return deadLetters(bootstrap, "order-requests-dlt");
    }

    private static List<byte[]> deadLetters(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<byte[]> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline
                    && ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

}
