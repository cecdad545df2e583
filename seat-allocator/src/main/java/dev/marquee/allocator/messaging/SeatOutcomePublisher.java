package dev.marquee.allocator.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.marquee.events.SeatsHeld;
import dev.marquee.events.SeatsRejected;
import dev.marquee.ledger.Allocation;
import dev.marquee.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes allocation answers to {@code seat-events}, keyed by order. Event ids derive from the order, so an
 * answer re-sent after a crash is the same event and consumers drop the repeat.
 */
@Component
class SeatOutcomePublisher {

    private final KafkaTemplate<String, Object> kafka;

    SeatOutcomePublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    void publish(List<Allocation> answers) {
        CompletableFuture<?>[] sends = answers.stream()
                .map(a -> kafka.send(Topics.SEAT_EVENTS, a.orderId(), event(a)))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).join();
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
