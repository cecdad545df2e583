package dev.marquee.launcher;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code marquee watch TOPIC}: a topic's events as JSON lines, decoded with the schema registry. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints a topic's events as JSON lines, decoded with the schema registry.",
                "Each line: topic, partition, offset, key, timestamp, the Avro type and the event.",
                "Reads every partition without a consumer group and never commits, so it disturbs",
                "no service. Only new events unless --from-beginning; Ctrl-C stops."})
final class WatchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TOPIC", description = "e.g. order-requests, seat-events")
    String topic;

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers. Default: ${DEFAULT-VALUE}")
    String bootstrap = "127.0.0.1:29092";

    @Option(names = "--registry", description = "Schema registry URL. Default: ${DEFAULT-VALUE}")
    String registry = "http://127.0.0.1:28081";

    @Option(names = "--from-beginning", description = "Start at the oldest event instead of the next new one.")
    boolean fromBeginning;

    @Option(names = "--max", description = "Stop after this many events (0: no limit). Default: ${DEFAULT-VALUE}")
    long max;

    @Option(names = "--timeout", converter = DurationConverter.class,
            description = "Stop after this long, e.g. 30s or 5m (default: no limit).")
    Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        CountDownLatch done = new CountDownLatch(1);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config());
             EventDecoder decoder = new EventDecoder(registry)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                System.err.println("marquee watch: no topic '" + topic + "' at " + bootstrap);
                return 1;
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            Thread stopper = new Thread(() -> stop(consumer, done), "watch-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            watch(consumer, decoder, out);
            Runtime.getRuntime().removeShutdownHook(stopper);
            return 0;
        } catch (WakeupException stopped) {
            return 0;
        } catch (TimeoutException e) {
            System.err.println("marquee watch: no answer from Kafka at " + bootstrap + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            done.countDown();
        }
    }

    private void watch(KafkaConsumer<String, byte[]> consumer, EventDecoder decoder, PrintWriter out) {
        long start = System.nanoTime();
        long limit = timeout == null ? Long.MAX_VALUE : timeout.toNanos();
        long printed = 0;
        for (long elapsed = 0; (max <= 0 || printed < max) && elapsed < limit; elapsed = System.nanoTime() - start) {
            Duration wait = Duration.ofNanos(Math.min(limit - elapsed, TimeUnit.MILLISECONDS.toNanos(500)));
            for (ConsumerRecord<String, byte[]> r : consumer.poll(wait)) {
                out.println(line(decoder, r));
                if (max > 0 && ++printed >= max) {
                    break;
                }
            }
            out.flush();
        }
    }

    private static String line(EventDecoder decoder, ConsumerRecord<String, byte[]> r) {
        try {
            return EventLine.of(r.topic(), r.partition(), r.offset(), r.key(), r.timestamp(),
                    decoder.decode(r.topic(), r.value()));
        } catch (RuntimeException e) {
            return EventLine.undecodable(r.topic(), r.partition(), r.offset(), r.key(), r.timestamp(), e.getMessage());
        }
    }

    /** On Ctrl-C: interrupts the poll and waits (briefly) until the lines read so far are printed. */
    private static void stop(KafkaConsumer<String, byte[]> consumer, CountDownLatch done) {
        consumer.wakeup();
        try {
            done.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Properties config() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return config;
    }
}
