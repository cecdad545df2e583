package dev.marquee.orderapi.payment.messaging;

import dev.marquee.events.OrderExpired;
import dev.marquee.events.OrderPaid;
import dev.marquee.events.PaymentFailed;
import dev.marquee.events.RefundCompleted;
import dev.marquee.events.RefundRequested;
import dev.marquee.orderapi.order.SeatOutcomes;
import dev.marquee.orderapi.payment.PaymentOutcomes;
import dev.marquee.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** payment-listener's verdicts and the expiry worker's, one handler per event type. */
@Component
@KafkaListener(id = "order-api-order-events", topics = Topics.ORDER_EVENTS, groupId = "order-api")
class OrderEventsListener {

    private final PaymentOutcomes outcomes;
    private final SeatOutcomes holds;

    OrderEventsListener(PaymentOutcomes outcomes, SeatOutcomes holds) {
        this.outcomes = outcomes;
        this.holds = holds;
    }

    @KafkaHandler
    void on(OrderExpired event) {
        holds.expired(event.getEventId(), event.getOrderId());
    }

    @KafkaHandler
    void on(OrderPaid event) {
        outcomes.paid(event.getEventId(), event.getOrderId(), event.getPaymentId(), event.getTradeNo(),
                event.getRetaken());
    }

    @KafkaHandler
    void on(PaymentFailed event) {
        outcomes.failed(event.getEventId(), event.getOrderId(), event.getPaymentId(), event.getTradeNo(),
                event.getReason(), event.getFlagged());
    }

    @KafkaHandler
    void on(RefundRequested event) {
        outcomes.refundRequested(event.getEventId(), event.getOrderId(), event.getPaymentId(), event.getTradeNo(),
                event.getReason());
    }

    @KafkaHandler
    void on(RefundCompleted event) {
        outcomes.refunded(event.getEventId(), event.getOrderId(), event.getPaymentId());
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
        // OrderCancelled: order-api cancelled the order itself, in the transaction that wrote this event.
    }
}
