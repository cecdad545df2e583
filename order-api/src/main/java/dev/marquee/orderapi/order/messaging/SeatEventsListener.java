package dev.marquee.orderapi.order.messaging;

import dev.marquee.events.HoldExtended;
import dev.marquee.events.SeatsHeld;
import dev.marquee.events.SeatsRejected;
import dev.marquee.events.SeatsReleased;
import dev.marquee.events.TicketsIssued;
import dev.marquee.orderapi.order.SeatOutcomes;
import dev.marquee.orderapi.payment.PaymentOutcomes;
import dev.marquee.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The allocator's answers, hold extensions and the tickets of paid orders, one handler per event type. */
@Component
@KafkaListener(id = "order-api-seat-events", topics = Topics.SEAT_EVENTS, groupId = "order-api")
class SeatEventsListener {

    private final SeatOutcomes outcomes;
    private final PaymentOutcomes payments;

    SeatEventsListener(SeatOutcomes outcomes, PaymentOutcomes payments) {
        this.outcomes = outcomes;
        this.payments = payments;
    }

    @KafkaHandler
    void on(SeatsHeld event) {
        outcomes.held(event.getEventId(), event.getOrderId(), event.getSeats(), event.getHoldDeadline());
    }

    @KafkaHandler
    void on(SeatsRejected event) {
        outcomes.rejected(event.getEventId(), event.getOrderId(), event.getReason(), event.getDetail());
    }

    @KafkaHandler
    void on(TicketsIssued event) {
        payments.ticketsIssued(event.getEventId(), event.getOrderId(), event.getSeats());
    }

    @KafkaHandler
    void on(HoldExtended event) {
        outcomes.holdExtended(event.getEventId(), event.getOrderId(), event.getHoldDeadline());
    }

    /** A cancelled screening's released holds end their orders; other releases the order knows already. */
    @KafkaHandler
    void on(SeatsReleased event) {
        outcomes.released(event.getEventId(), event.getOrderId(), event.getCause());
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
        // events of seat-events this order-api does not act on
    }
}
