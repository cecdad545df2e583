package dev.marquee.payments.messaging;

import java.time.Clock;
import java.util.Locale;

import dev.marquee.events.RefundCompleted;
import dev.marquee.events.RefundRequested;
import dev.marquee.payments.Refund;
import dev.marquee.payments.RefundGateway;
import dev.marquee.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries out refunds: for each RefundRequested on {@code order-events}, calls the gateway's refund API and then
 * publishes RefundCompleted. Its own consumer group and container, so a gateway that is down delays refunds
 * (retried with backoff) and never payment callbacks. Other order events are not its business.
 */
@Component
@KafkaListener(id = "payment-refunds", topics = Topics.ORDER_EVENTS, groupId = "payment-refunds")
class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final RefundGateway gateway;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;

    Refunds(RefundGateway gateway, KafkaTemplate<String, Object> kafka, Clock clock) {
        this.gateway = gateway;
        this.kafka = kafka;
        this.clock = clock;
    }

    @KafkaHandler
    void on(RefundRequested requested) {
        Refund refund = new Refund(requested.getEventId(), requested.getGateway().toLowerCase(Locale.ROOT),
                requested.getTradeNo(), requested.getAmountMinor(), requested.getCurrency(), requested.getReason());
        try {
            gateway.refund(refund);
        } catch (RuntimeException e) {
            log.warn("refund {} of order {} not done yet ({}); it is asked again later", refund.refundId(),
                    requested.getOrderId(), e.getMessage());
            throw e;
        }
        kafka.send(Topics.ORDER_EVENTS, requested.getOrderId(), completed(requested, refund)).join();
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object otherEvent) {
        // OrderPaid, PaymentFailed, RefundCompleted, ...: for other consumers
    }

    private RefundCompleted completed(RefundRequested requested, Refund refund) {
        return RefundCompleted.newBuilder()
                .setEventId(EventIds.ofRefundCompleted(refund.refundId()))
                .setOccurredAt(clock.instant())
                .setOrderId(requested.getOrderId())
                .setPaymentId(requested.getPaymentId())
                .setRefundId(refund.refundId())
                .setGateway(refund.gateway())
                .setTradeNo(refund.tradeNo())
                .setAmountMinor(refund.amountMinor())
                .setCurrency(refund.currency())
                .build();
    }
}
