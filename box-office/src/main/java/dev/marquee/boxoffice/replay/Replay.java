package dev.marquee.boxoffice.replay;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads windows of topics for analysts and for the rebuild, without joining any consumer group: it assigns the
 * partitions itself, seeks to the window's start, reads to its end (resolved once, when the replay starts, so
 * events written meanwhile are not read), decodes the Avro values with the registry and hands them to a sink.
 * It commits nothing and changes nothing. Fetches are large and decoding is in the polling thread: on two cores
 * that is faster than handing records between threads.
 */
public final class Replay {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STALL = Duration.ofSeconds(60);

    private final ReplaySource source;

    public Replay(ReplaySource source) {
        this.source = source;
    }

    /** Replays the window's events, in each partition's order, to the sink. */
    public ReplayReport run(ReplayWindow window, ReplaySink sink) throws IOException {
        return run(window, sink, ReplayProgress.NONE);
    }

    /** As {@link #run(ReplayWindow, ReplaySink)}, telling {@code progress} how far it has read after each fetch. */
    public ReplayReport run(ReplayWindow window, ReplaySink sink, ReplayProgress progress) throws IOException {
        KafkaConsumer<String, byte[]> consumer = consumer();
        try {
            return read(consumer, OffsetRanges.of(consumer, window), window::includes, record -> false, sink,
                    progress);
        } finally {
            close(consumer);
        }
    }

    /** Replays exactly these offset ranges (the rebuild reads up to the live projection's offsets this way). */
    public ReplayReport run(Map<TopicPartition, OffsetRange> ranges, ReplaySink sink) throws IOException {
        return run(ranges, sink, record -> false);
    }

    /** As {@link #run(Map, ReplaySink)}, passing over the records {@code passOver} names. */
    public ReplayReport run(Map<TopicPartition, OffsetRange> ranges, ReplaySink sink,
                            Predicate<ConsumerRecord<String, byte[]>> passOver) throws IOException {
        KafkaConsumer<String, byte[]> consumer = consumer();
        try {
            return read(consumer, ranges, timestamp -> true, passOver, sink, ReplayProgress.NONE);
        } finally {
            close(consumer);
        }
    }

    /** The offsets the window covers now, per partition. */
    public Map<TopicPartition, OffsetRange> resolve(ReplayWindow window) {
        KafkaConsumer<String, byte[]> consumer = consumer();
        try {
            return OffsetRanges.of(consumer, window);
        } finally {
            close(consumer);
        }
    }

    /** Without waiting for the fetches still parked at the broker: there is no group to leave, nothing to commit. */
    private static void close(KafkaConsumer<String, byte[]> consumer) {
        consumer.close(CloseOptions.timeout(Duration.ZERO));
    }

    private ReplayReport read(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, OffsetRange> ranges,
                              LongPredicate inTime, Predicate<ConsumerRecord<String, byte[]>> passOver,
                              ReplaySink sink, ReplayProgress progress) throws IOException {
        long start = System.nanoTime();
        List<TopicPartition> active = new ArrayList<>();
        ranges.forEach((partition, range) -> {
            if (range.size() > 0) {
                active.add(partition);
            }
        });
        consumer.assign(active);
        active.forEach(partition -> consumer.seek(partition, ranges.get(partition).from()));
        long events = 0;
        long read = 0;
        long total = ranges.values().stream().mapToLong(OffsetRange::size).sum();
        progress.at(0, total);
        long progressAt = System.nanoTime();
        try (RecordHandler handler = RecordHandler.of(sink, source.schemaRegistryUrl())) {
            while (!active.isEmpty()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                for (TopicPartition partition : records.partitions()) {
                    long end = ranges.get(partition).to();
                    for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                        if (record.offset() >= end) {
                            break;
                        }
                        read++;
                        if (inTime.test(record.timestamp()) && !passOver.test(record)) {
                            events++;
                            handler.handle(record);
                        }
                    }
                }
                progressAt = records.isEmpty() ? progressAt : System.nanoTime();
                progress.at(Math.min(read, total), total);
                active.removeIf(partition -> finished(consumer, partition, ranges.get(partition).to()));
                if (!active.isEmpty() && System.nanoTime() - progressAt > STALL.toNanos()) {
                    throw new IllegalStateException("replay stalled: nothing read for " + STALL.toSeconds()
                            + " s, still to read " + active);
                }
            }
            progress.at(total, total);
            sink.finish();
            return new ReplayReport(ranges, events, handler.undecodable(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static boolean finished(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, long end) {
        if (consumer.position(partition) < end) {
            return false;
        }
        consumer.pause(List.of(partition));
        return true;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "box-office-replay");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
        config.putAll(source.consumerProperties());
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
