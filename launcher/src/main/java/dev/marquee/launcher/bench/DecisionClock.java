package dev.marquee.launcher.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.marquee.events.OrderRequested;
import dev.marquee.events.SeatsHeld;
import dev.marquee.events.SeatsRejected;
import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordDeserializationException;

/**
 * Notes when the allocator's first answer (SeatsHeld or SeatsRejected) for each order was consumed, over every
 * screening, and which partition of {@code order-requests} each hall's requests go to. Rides out broker restarts:
 * the consumer has no group and reconnects by itself.
 */
final class DecisionClock implements AutoCloseable {

    private final KafkaConsumer<String, Object> consumer;
    private final Map<String, Long> decidedNanos = new ConcurrentHashMap<>();
    private final Map<Long, Integer> partitionOfHall = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    DecisionClock(String bootstrap, String registryUrl) {
        this.consumer = TopicReader.fromBeginning(bootstrap, registryUrl, Topics.SEAT_EVENTS, Topics.ORDER_REQUESTS);
        this.thread = Thread.ofPlatform().name("chaos-decision-clock").daemon().start(this::consume);
    }

    private void consume() {
        while (running) {
            try {
                for (ConsumerRecord<String, Object> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    switch (r.value()) {
                        case SeatsHeld held -> decidedNanos.putIfAbsent(held.getOrderId(), now);
                        case SeatsRejected rejected -> decidedNanos.putIfAbsent(rejected.getOrderId(), now);
                        case OrderRequested requested -> partitionOfHall.putIfAbsent(requested.getHallId(), r.partition());
                        case null, default -> { }
                    }
                }
            } catch (RecordDeserializationException e) {
                consumer.seek(e.topicPartition(), e.offset() + 1);
            } catch (KafkaException e) {
                // the registry or the broker away for a moment (a restart): poll again
            }
        }
    }

    /** When each order's first decision was consumed (System.nanoTime). */
    Map<String, Long> decidedNanos() {
        return decidedNanos;
    }

    Integer partitionOfHall(long hallId) {
        return partitionOfHall.get(hallId);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(10));
        consumer.close(Duration.ofSeconds(5));
    }
}
