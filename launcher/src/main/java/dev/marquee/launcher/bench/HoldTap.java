package dev.marquee.launcher.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import dev.marquee.events.SeatsHeld;
import dev.marquee.events.SeatsRejected;
import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The steady bench's view of the allocator's answers: reads {@code seat-events} of every screening without a consumer
 * group and hands each order's first answer (held or not, with the moment it was read) to the bench's customers.
 * A second answer to the same order is counted: the allocator must decide each order once.
 */
final class HoldTap implements AutoCloseable {

    /** An order's answer, as read: held or rejected, with the held seats. */
    record Answer(boolean held, List<String> seats, long readNanos) {
    }

    private final KafkaConsumer<String, Object> consumer;
    private final BiConsumer<String, Answer> onFirst;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long repeated;

    HoldTap(String bootstrap, String registryUrl, BiConsumer<String, Answer> onFirst) {
        this.consumer = TopicReader.fromBeginning(bootstrap, registryUrl, Topics.SEAT_EVENTS);
        this.onFirst = onFirst;
        this.thread = Thread.ofPlatform().name("bench-hold-tap").daemon().start(this::consume);
    }

    private void consume() {
        while (running) {
            ConsumerRecords<String, Object> records = TopicReader.poll(consumer, Duration.ofMillis(100));
            long now = System.nanoTime();
            for (ConsumerRecord<String, Object> r : records) {
                switch (r.value()) {
                    case SeatsHeld held -> note(held.getOrderId(), new Answer(true, held.getSeats(), now));
                    case SeatsRejected rejected -> note(rejected.getOrderId(), new Answer(false, List.of(), now));
                    case null, default -> { }
                }
            }
        }
    }

    private void note(String orderId, Answer answer) {
        if (answers.putIfAbsent(orderId, answer) == null) {
            onFirst.accept(orderId, answer);
        } else {
            repeated++;
        }
    }

    /** Orders answered more than once (SeatsHeld or SeatsRejected again for an answered order). */
    long repeated() {
        return repeated;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2_000);
        consumer.close();
    }
}
