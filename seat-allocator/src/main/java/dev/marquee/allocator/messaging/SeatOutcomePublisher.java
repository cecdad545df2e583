package dev.marquee.allocator.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.marquee.events.SeatsHeld;
import dev.marquee.events.SeatsRejected;
import dev.marquee.ledger.Allocation;
import dev.marquee.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes allocation answers to {@code seat-events}, keyed by order. Event ids derive from the order, so an
 * answer re-sent after a crash is the same event and consumers drop the repeat.
 * <p>
 * The first answers of a sale must not wait for what the producer does once: connecting, the topic's metadata, the
 * events' schema ids from the registry. Measured in FlashSaleBrowserIT on a loaded machine, the first batch of a
 * fresh allocator reached Kafka 500 ms after its commit (the next ones 50-150 ms), which alone put the seat map's
 * p99 over its second. So once the service is ready the producer is readied in the background ({@link #warmUp}):
 * the metadata of {@code seat-events} and the schema ids of SeatsHeld and SeatsRejected, through the serializer
 * instance the producer itself uses ({@link SeatEventsSerializer}). Nothing is sent. If Kafka or the registry is
 * not there yet, the first real answers do it, as before.
 */
@Component
class SeatOutcomePublisher {

    private static final Logger log = LoggerFactory.getLogger(SeatOutcomePublisher.class);

    private final KafkaTemplate<String, Object> kafka;
    private final SeatEventsSerializer serializer;

    SeatOutcomePublisher(KafkaTemplate<String, Object> kafka, SeatEventsSerializer serializer) {
        this.kafka = kafka;
        this.serializer = serializer;
    }

    /** Sends the answers and returns at once: the returned future completes when Kafka acknowledged them all. */
    CompletableFuture<Void> send(List<Allocation> answers) {
        CompletableFuture<?>[] sends = answers.stream()
                .map(a -> kafka.send(Topics.SEAT_EVENTS, a.orderId(), event(a)))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofPlatform().daemon().name("seat-events-warm-up").start(() -> {
            long started = System.nanoTime();
            try {
                kafka.partitionsFor(Topics.SEAT_EVENTS);
                Instant now = Instant.now();
                serializer.get().serialize(Topics.SEAT_EVENTS, event(Allocation.held("warm-up", 0, 0, List.of("A1"),
                        now, 0, now)));
                serializer.get().serialize(Topics.SEAT_EVENTS, event(Allocation.rejected("warm-up", 0, 0, List.of(),
                        "TAKEN", "", now)));
                log.info("seat-events producer ready (metadata, schema ids) in {} ms",
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
            } catch (RuntimeException e) {
                log.info("seat-events producer not readied in advance ({}); the first answers will do it", e.toString());
            }
        });
    }

    private static SpecificRecord event(Allocation a) {
        return switch (a.outcome()) {
            case HELD -> SeatsHeld.newBuilder()
                    .setEventId(eventId("SeatsHeld", a.orderId()))
                    .setOccurredAt(a.decidedAt())
                    .setOrderId(a.orderId())
                    .setScreeningId(a.screeningId())
                    .setHallId(a.hallId())
                    .setSeats(a.seats())
                    .setHoldDeadline(a.holdUntil())
                    .setFencingToken(a.fencingToken())
                    .build();
            case REJECTED -> SeatsRejected.newBuilder()
                    .setEventId(eventId("SeatsRejected", a.orderId()))
                    .setOccurredAt(a.decidedAt())
                    .setOrderId(a.orderId())
                    .setScreeningId(a.screeningId())
                    .setHallId(a.hallId())
                    .setReason(a.reason())
                    .setDetail(a.detail() == null ? "" : a.detail())
                    .build();
        };
    }

    private static String eventId(String type, String orderId) {
        return UUID.nameUUIDFromBytes((type + ":" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
    }

}
