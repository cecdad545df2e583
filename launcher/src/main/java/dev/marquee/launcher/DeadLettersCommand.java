package dev.marquee.launcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code marquee dead-letters}: what the services set aside, and sending it back once its cause is fixed. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "Records the services set aside (order-requests-dlt, payment-callbacks-dlt, payment-refunds-dlt, payment-orders-dlt, order-api-dlt, box-office-dlt, catalog-events-dlt, payment-catalog-dlt, box-office-catalog-dlt).",
        subcommands = {DeadLettersCommand.Redrive.class})
final class DeadLettersCommand implements Callable<Integer> {

    private static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    private static final String EXCEPTION = "kafka_dlt-exception-message";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Name an operation, e.g. 'marquee dead-letters redrive order-requests-dlt'");
    }

    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = {"Sends a dead-letter topic's records back to the topic they came from (the record's",
                    "kafka_dlt-original-topic header, else the name without -dlt), bytes, key and headers intact,",
                    "once the cause is fixed. Remembers how far it got (consumer group marquee-redrive.<topic>), so",
                    "each record is sent back once; a record that fails again comes back to the dead-letter topic",
                    "as a new record. Consumers are idempotent, so a record sent back twice does no harm.",
                    "--dry-run lists what would be sent and why each was set aside."})
    static final class Redrive implements Callable<Integer> {

        @Parameters(paramLabel = "DLT", description = "e.g. order-requests-dlt")
        String deadLetters;

        @Option(names = "--to", description = "Send to this topic instead of the original one")
        String to;

        @Option(names = "--dry-run", description = "List the records; send and remember nothing")
        boolean dryRun;

        @Option(names = "--bootstrap", description = "Kafka bootstrap servers. Default: ${DEFAULT-VALUE}")
        String bootstrap = "127.0.0.1:29092";

        @Override
        public Integer call() throws Exception {
            Map<String, Object> consumerConfig = new HashMap<>();
            consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "marquee-redrive." + deadLetters);
            consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig,
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
                 KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                         ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                         new ByteArraySerializer(), new ByteArraySerializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(deadLetters).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                int records = 0;
                while (!caughtUp(consumer, ends)) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        String target = to != null ? to : originalTopic(record);
                        System.out.printf("%s %s-%d@%d -> %s (%d bytes) set aside for: %s%n", dryRun ? "would send"
                                        : "sending", record.topic(), record.partition(), record.offset(), target,
                                record.value() == null ? 0 : record.value().length, header(record, EXCEPTION));
                        if (!dryRun) {
                            producer.send(new ProducerRecord<>(target, null, record.key(), record.value(),
                                    withoutDeadLetterHeaders(record)));
                        }
                        records++;
                        done.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                    }
                }
                if (!dryRun) {
                    producer.flush();
                    consumer.commitSync(done);
                }
                System.out.printf("%s %d record(s) of %s%n", dryRun ? "would send" : "sent", records, deadLetters);
            }
            return 0;
        }

        private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
            return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        }

        private String originalTopic(ConsumerRecord<byte[], byte[]> record) {
            String original = header(record, ORIGINAL_TOPIC);
            return original.isEmpty() ? deadLetters.replaceFirst("-dlt$", "") : original;
        }

        private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        }

        private static RecordHeaders withoutDeadLetterHeaders(ConsumerRecord<byte[], byte[]> record) {
            List<Header> kept = new ArrayList<>();
            record.headers().forEach(h -> {
                if (!h.key().startsWith("kafka_dlt-")) {
                    kept.add(h);
                }
            });
            return new RecordHeaders(kept);
        }
    }
}
