package dev.marquee.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import dev.marquee.events.OrderRequested;
import dev.marquee.events.SeatsHeld;
import dev.marquee.events.SeatsRejected;
import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads the allocator's answers (SeatsHeld, SeatsRejected) for one screening from every partition of
 * {@code seat-events}, and the requests the relay published to {@code order-requests}, without a consumer group.
 * Notes when each answer was consumed and when each event was appended, and counts the seats held as they come,
 * so it knows the moment the last free seat went.
 */
final class DecisionTap implements AutoCloseable {

    private final KafkaConsumer<String, Object> consumer;
    private final long screeningId;
    private final int capacity;
    private final Map<String, List<Decision>> byOrder = new ConcurrentHashMap<>();
    private final Map<String, Long> requestedAtMillis = new ConcurrentHashMap<>();
    private final Set<String> heldSeats = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long decisions;
    private volatile int seatsHeld;
    private volatile int seatsHeldTwice;
    private volatile long soldOutNanos = -1;
    private volatile long firstDecisionNanos = -1;
    private volatile long lastDecisionNanos = -1;

    DecisionTap(String bootstrap, String registryUrl, long screeningId, int capacity) {
        this.consumer = TopicReader.fromBeginning(bootstrap, registryUrl, Topics.SEAT_EVENTS, Topics.ORDER_REQUESTS);
        this.screeningId = screeningId;
        this.capacity = capacity;
        this.thread = Thread.ofPlatform().name("bench-decision-tap").daemon().start(this::consume);
    }

    private void consume() {
        while (running) {
            ConsumerRecords<String, Object> records = TopicReader.poll(consumer, Duration.ofMillis(100));
            long now = System.nanoTime();
            long nowMillis = System.currentTimeMillis();
            for (ConsumerRecord<String, Object> r : records) {
                switch (r.value()) {
                    case SeatsHeld held when held.getScreeningId() == screeningId -> {
                        if (note(held.getOrderId(), new Decision(true, now, r.timestamp(), nowMillis))) {
                            hold(held.getSeats(), now);
                        }
                    }
                    case SeatsRejected rejected when rejected.getScreeningId() == screeningId ->
                            note(rejected.getOrderId(), new Decision(false, now, r.timestamp(), nowMillis));
                    case OrderRequested requested -> requestedAtMillis.putIfAbsent(requested.getOrderId(), r.timestamp());
                    case null, default -> { }
                }
            }
        }
    }

    /** Records the decision; true if it is the order's first (a repeat must not count its seats again). */
    private boolean note(String orderId, Decision decision) {
        List<Decision> all = byOrder.computeIfAbsent(orderId, id -> new CopyOnWriteArrayList<>());
        all.add(decision);
        decisions++;
        if (firstDecisionNanos < 0) {
            firstDecisionNanos = decision.consumedNanos();
        }
        lastDecisionNanos = decision.consumedNanos();
        return all.size() == 1;
    }

    private void hold(List<String> seats, long now) {
        for (String seat : seats) {
            if (!heldSeats.add(seat)) {
                seatsHeldTwice++;
            }
        }
        seatsHeld = heldSeats.size();
        if (soldOutNanos < 0 && seatsHeld >= capacity) {
            soldOutNanos = now;
        }
    }

    /** Waits until every one of these orders has a decision, the deadline passed or we stop; returns the undecided. */
    List<String> awaitDecisions(List<String> orderIds, long deadlineNanos, BooleanSupplier stopped)
            throws InterruptedException {
        List<String> undecided = new ArrayList<>(orderIds);
        while (true) {
            undecided.removeIf(byOrder::containsKey);
            if (undecided.isEmpty() || System.nanoTime() >= deadlineNanos || stopped.getAsBoolean()) {
                return undecided;
            }
            Thread.sleep(50);
        }
    }

    /** The decisions per order id; stable once {@link #close()} returned. */
    Map<String, List<Decision>> byOrder() {
        return byOrder;
    }

    /** When the relay appended each order's OrderRequested to order-requests (epoch ms, Kafka CreateTime). */
    Map<String, Long> requestedAtMillis() {
        return requestedAtMillis;
    }

    long decisions() {
        return decisions;
    }

    int seatsHeld() {
        return seatsHeld;
    }

    /** Seats that appeared in the SeatsHeld of more than one order: each such repeat is a seat sold twice. */
    int seatsHeldTwice() {
        return seatsHeldTwice;
    }

    /** When the decision that held the hall's last free seat was consumed (System.nanoTime), or -1. */
    long soldOutNanos() {
        return soldOutNanos;
    }

    long firstDecisionNanos() {
        return firstDecisionNanos;
    }

    long lastDecisionNanos() {
        return lastDecisionNanos;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(10));
        consumer.close(Duration.ofSeconds(5));
    }

    /**
     * One answer for an order: held or rejected, when the tap consumed it (System.nanoTime and epoch ms) and
     * when the allocator appended it to seat-events (epoch ms, Kafka CreateTime).
     */
    record Decision(boolean held, long consumedNanos, long appendedMillis, long consumedMillis) {
    }
}
