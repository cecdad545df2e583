package dev.marquee.orderapi.pages.messaging;

import java.time.Instant;
import java.util.List;

import dev.marquee.events.SeatsHeld;
import dev.marquee.events.SeatsReleased;
import dev.marquee.events.TicketsIssued;
import dev.marquee.orderapi.pages.SeatChange;
import dev.marquee.orderapi.pages.SeatMapStreams;
import dev.marquee.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Feeds the open seat maps from {@code seat-events}. Every instance must see every change (its pages may watch any
 * screening), so each instance is a group of its own, starting at the newest record: a page loads the map first and
 * then only needs what changes after. The container commits after each batch as for every listener, so the
 * consumer-stall watch sees this group caught up, not stalled (SeatMapStreamIT). Nothing here can fail for a
 * record: a page that is gone is dropped.
 */
@Component
@KafkaListener(id = "order-api-seat-map-pages", topics = Topics.SEAT_EVENTS,
        groupId = "order-api-seat-map-${random.uuid}", containerFactory = "seatMapPagesFactory",
        properties = "auto.offset.reset=latest")
class SeatChangesListener {

    private final SeatMapStreams streams;

    SeatChangesListener(SeatMapStreams streams) {
        this.streams = streams;
    }

    @KafkaHandler
    void on(SeatsHeld event, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long recordAt) {
        streams.publish(change(event.getScreeningId(), event.getSeats(), "HELD", event.getOccurredAt(), recordAt));
    }

    @KafkaHandler
    void on(SeatsReleased event, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long recordAt) {
        streams.publish(change(event.getScreeningId(), event.getSeats(), "FREE", event.getOccurredAt(), recordAt));
    }

    @KafkaHandler
    void on(TicketsIssued event, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long recordAt) {
        streams.publish(change(event.getScreeningId(), event.getSeats(), "SOLD", event.getOccurredAt(), recordAt));
    }

    private static SeatChange change(long screeningId, List<String> seats, String state, Instant changedAt,
                                     long recordAt) {
        return new SeatChange(screeningId, seats, state, changedAt.toEpochMilli(), recordAt,
                System.currentTimeMillis());
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
        // SeatsRejected and HoldExtended change no seat's state on the map
    }
}
