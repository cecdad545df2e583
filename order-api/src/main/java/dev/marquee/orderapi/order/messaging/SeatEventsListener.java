package dev.marquee.orderapi.order.messaging;

import java.util.List;

import dev.marquee.events.HoldExtended;
import dev.marquee.events.SeatsHeld;
import dev.marquee.events.SeatsRejected;
import dev.marquee.events.SeatsReleased;
import dev.marquee.events.TicketsIssued;
import dev.marquee.orderapi.order.SeatOutcomes;
import dev.marquee.orderapi.payment.PaymentOutcomes;
import dev.marquee.schemas.Topics;
import dev.marquee.support.PollTransactions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The allocator's answers, hold extensions and the tickets of paid orders: a poll's worth in one transaction
 * ({@link PollTransactions}), each event to its handler.
 */
@Component
class SeatEventsListener {

    private final SeatOutcomes outcomes;
    private final PaymentOutcomes payments;
    private final PollTransactions polls;

    SeatEventsListener(SeatOutcomes outcomes, PaymentOutcomes payments, PlatformTransactionManager transactions) {
        this.outcomes = outcomes;
        this.payments = payments;
        this.polls = new PollTransactions(transactions);
    }

    @KafkaListener(id = "order-api-seat-events", topics = Topics.SEAT_EVENTS, groupId = "order-api", batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        polls.apply(records, this::apply);
    }

    private void apply(Object event) {
        switch (event) {
            case SeatsHeld e -> outcomes.held(e.getEventId(), e.getOrderId(), e.getSeats(), e.getHoldDeadline());
            case SeatsRejected e -> outcomes.rejected(e.getEventId(), e.getOrderId(), e.getReason(), e.getDetail());
            case TicketsIssued e -> payments.ticketsIssued(e.getEventId(), e.getOrderId(), e.getSeats());
            case HoldExtended e -> outcomes.holdExtended(e.getEventId(), e.getOrderId(), e.getHoldDeadline());
            // a cancelled screening's released holds end their orders; other releases the order knows already
            case SeatsReleased e -> outcomes.released(e.getEventId(), e.getOrderId(), e.getCause());
            default -> {
                // events of seat-events this order-api does not act on
            }
        }
    }
}
