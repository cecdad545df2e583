package dev.marquee.payments.messaging;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import dev.marquee.events.RefundRequested;
import dev.marquee.events.ScreeningCancelled;
import dev.marquee.events.ScreeningChanged;
import dev.marquee.payments.SettlementReason;
import dev.marquee.payments.persistence.OrderSnapshots;
import dev.marquee.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * What payment-listener keeps of {@code catalog-events} (its own group, payment-listener-catalog: resetting it to
 * the earliest offset rebuilds {@code cancelled_screening}). A ScreeningCancelled refunds every paid order of the
 * screening through the existing refund path: a RefundRequested per paid trade (reason SCREENING_CANCELLED, its id
 * the trade's refund id, so the gateway refunds it once however often it is sent), which {@link Refunds} carries
 * out. The event id is recorded only after the refunds were acknowledged by Kafka. Failures go to the service's
 * error handler: transient ones retried, one that fails for good dead-lettered to {@code payment-catalog-dlt}.
 * A ScreeningChanged moves the start its known orders are judged by (late payments).
 */
@Component
@KafkaListener(id = "payment-listener-catalog", topics = Topics.CATALOG_EVENTS, groupId = "payment-listener-catalog")
class CatalogEventsListener {

    private final ScreeningRefunds refunds;
    private final OrderSnapshots orders;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;

    CatalogEventsListener(ScreeningRefunds refunds, OrderSnapshots orders, KafkaTemplate<String, Object> kafka,
                          Clock clock) {
        this.refunds = refunds;
        this.orders = orders;
        this.kafka = kafka;
        this.clock = clock;
    }

    @KafkaHandler
    void on(ScreeningCancelled event) {
        if (refunds.applied(event.getEventId())) {
            return;
        }
        CompletableFuture<?>[] sends = refunds.cancel(event.getScreeningId(), event.getHallId(), event.getReason())
                .stream()
                .map(trade -> kafka.send(Topics.ORDER_EVENTS, trade.orderId(), RefundRequested.newBuilder()
                        .setEventId(EventIds.ofTrade("RefundRequested", trade.gateway(), trade.tradeNo()))
                        .setOccurredAt(clock.instant())
                        .setOrderId(trade.orderId())
                        .setAmountMinor(trade.amountMinor())
                        .setCurrency(trade.currency())
                        .setReason(SettlementReason.SCREENING_CANCELLED.name())
                        .setTradeNo(trade.tradeNo())
                        .setGateway(trade.gateway())
                        .setPaymentId(trade.paymentId())
                        .build()))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).join();
        refunds.markApplied(event.getEventId());
    }

    @KafkaHandler
    void on(ScreeningChanged event) {
        orders.screeningMoved(event.getScreeningId(), event.getStartsAt());
    }

    /** Layouts, schedules, movies and licences are not payment-listener's concern. */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
