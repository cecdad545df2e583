package dev.marquee.orderapi.payment.messaging;

import java.util.List;

import dev.marquee.events.OrderExpired;
import dev.marquee.events.OrderPaid;
import dev.marquee.events.PaymentFailed;
import dev.marquee.events.RefundCompleted;
import dev.marquee.events.RefundRequested;
import dev.marquee.orderapi.order.SeatOutcomes;
import dev.marquee.orderapi.payment.PaymentOutcomes;
import dev.marquee.schemas.Topics;
import dev.marquee.support.PollTransactions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * payment-listener's verdicts and the expiry worker's: a poll's worth in one transaction ({@link PollTransactions}),
 * each event to its handler.
 */
@Component
class OrderEventsListener {

    private final PaymentOutcomes outcomes;
    private final SeatOutcomes holds;
    private final PollTransactions polls;

    OrderEventsListener(PaymentOutcomes outcomes, SeatOutcomes holds, PlatformTransactionManager transactions) {
        this.outcomes = outcomes;
        this.holds = holds;
        this.polls = new PollTransactions(transactions);
    }

    @KafkaListener(id = "order-api-order-events", topics = Topics.ORDER_EVENTS, groupId = "order-api", batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        polls.apply(records, this::apply);
    }

    private void apply(Object event) {
        switch (event) {
            case OrderExpired e -> holds.expired(e.getEventId(), e.getOrderId());
            case OrderPaid e -> outcomes.paid(e.getEventId(), e.getOrderId(), e.getPaymentId(), e.getTradeNo(),
                    e.getRetaken());
            case PaymentFailed e -> outcomes.failed(e.getEventId(), e.getOrderId(), e.getPaymentId(), e.getTradeNo(),
                    e.getReason(), e.getFlagged());
            case RefundRequested e -> outcomes.refundRequested(e.getEventId(), e.getOrderId(), e.getPaymentId(),
                    e.getTradeNo(), e.getReason());
            case RefundCompleted e -> outcomes.refunded(e.getEventId(), e.getOrderId(), e.getPaymentId());
            default -> {
                // OrderCancelled: order-api cancelled the order itself, in the transaction that wrote this event.
            }
        }
    }
}
