package dev.marquee.orderapi.order.messaging;

import dev.marquee.events.SeatsHeld;
import dev.marquee.events.SeatsRejected;
import dev.marquee.orderapi.order.SeatOutcomes;
import dev.marquee.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The allocator's answers, one handler per event type; other seat events are not order-api's business yet. */
@Component
@KafkaListener(id = "order-api-seat-events", topics = Topics.SEAT_EVENTS, groupId = "order-api")
class SeatEventsListener {

    private final SeatOutcomes outcomes;

    SeatEventsListener(SeatOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @KafkaHandler
    void on(SeatsHeld event) {
        outcomes.held(event.getEventId(), event.getOrderId(), event.getSeats(), event.getHoldDeadline());
    }

    @KafkaHandler
    void on(SeatsRejected event) {
        outcomes.rejected(event.getEventId(), event.getOrderId(), event.getReason(), event.getDetail());
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
        // SeatsReleased and TicketsIssued are handled once payments and expiry exist.
    }
}
