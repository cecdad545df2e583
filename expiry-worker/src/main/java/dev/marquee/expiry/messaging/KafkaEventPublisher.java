package dev.marquee.expiry.messaging;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.marquee.events.HoldExtended;
import dev.marquee.events.OrderExpired;
import dev.marquee.events.SeatsReleased;
import dev.marquee.expiry.EventPublisher;
import dev.marquee.expiry.ExpiryEvent;
import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes expiry events keyed by order id: SeatsReleased and HoldExtended on {@code seat-events}, OrderExpired
 * on {@code order-events}. Returns once Kafka acknowledged every one (acks=all, idempotent producer).
 */
@Component
class KafkaEventPublisher implements EventPublisher {

    private final KafkaTemplate<String, Object> kafka;

    KafkaEventPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(List<ExpiryEvent> events) {
        CompletableFuture<?>[] sends = events.stream().map(KafkaEventPublisher::record).map(kafka::send)
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).join();
    }

    static ProducerRecord<String, Object> record(ExpiryEvent event) {
        return switch (event) {
            case ExpiryEvent.SeatsReleased e -> new ProducerRecord<>(Topics.SEAT_EVENTS, e.orderId(),
                    SeatsReleased.newBuilder()
                            .setEventId(e.eventId())
                            .setOccurredAt(e.occurredAt())
                            .setOrderId(e.orderId())
                            .setScreeningId(e.screeningId())
                            .setHallId(e.hallId())
                            .setSeats(e.seats())
                            .setCause(ExpiryEvent.SeatsReleased.CAUSE)
                            .setFencingToken(e.fencingToken())
                            .build());
            case ExpiryEvent.OrderExpired e -> new ProducerRecord<>(Topics.ORDER_EVENTS, e.orderId(),
                    OrderExpired.newBuilder()
                            .setEventId(e.eventId())
                            .setOccurredAt(e.occurredAt())
                            .setOrderId(e.orderId())
                            .build());
            case ExpiryEvent.HoldExtended e -> new ProducerRecord<>(Topics.SEAT_EVENTS, e.orderId(),
                    HoldExtended.newBuilder()
                            .setEventId(e.eventId())
                            .setOccurredAt(e.occurredAt())
                            .setOrderId(e.orderId())
                            .setScreeningId(e.screeningId())
                            .setHallId(e.hallId())
                            .setSeats(e.seats())
                            .setPreviousDeadline(e.previousDeadline())
                            .setHoldDeadline(e.holdDeadline())
                            .setReason(ExpiryEvent.HoldExtended.REASON)
                            .setFencingToken(e.fencingToken())
                            .build());
        };
    }
}
