package dev.marquee.payments.messaging;

import java.util.Locale;

import dev.marquee.events.PaymentCallbackReceived;
import dev.marquee.payments.PaymentCallback;
import dev.marquee.payments.PaymentSettlement;
import dev.marquee.schemas.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Settles each verified payment callback and publishes what its trade caused. Retries, and the dead-letter topic
 * for callbacks that cannot be decoded, are the error handler's (see PaymentListenerConfiguration).
 */
@Component
class PaymentCallbacksListener {

    private final PaymentSettlement settlement;
    private final SettlementPublisher publisher;

    PaymentCallbacksListener(PaymentSettlement settlement, SettlementPublisher publisher) {
        this.settlement = settlement;
        this.publisher = publisher;
    }

    @KafkaListener(id = "payment-listener", topics = Topics.PAYMENT_CALLBACKS, groupId = "payment-listener")
    void on(PaymentCallbackReceived event) {
        settlement.settle(callback(event)).ifPresent(publisher::publish);
    }

    private static PaymentCallback callback(PaymentCallbackReceived e) {
        return new PaymentCallback(e.getOrderId(), e.getPaymentId(), e.getGateway().toLowerCase(Locale.ROOT),
                e.getNotifyId(), e.getTradeNo(), e.getTradeStatus(), e.getAmountMinor(), e.getCurrency(),
                e.getNotifiedAt());
    }
}
