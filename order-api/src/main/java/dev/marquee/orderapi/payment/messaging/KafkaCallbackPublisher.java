package dev.marquee.orderapi.payment.messaging;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.marquee.events.PaymentCallbackReceived;
import dev.marquee.gateway.PaymentNotification;
import dev.marquee.orderapi.payment.CallbackPublisher;
import dev.marquee.orderapi.payment.CallbacksUnavailableException;
import dev.marquee.orderapi.payment.PaymentSettings;
import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code PaymentCallbackReceived} to {@code payment-callbacks} and waits for the broker's acknowledgement
 * (acks=all). Its producer gives up within the configured publish timeout (instead of the client's default minute),
 * so that a gateway hears "try again" while Kafka is away.
 */
@Component
class KafkaCallbackPublisher implements CallbackPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final long timeoutMillis;

    KafkaCallbackPublisher(ProducerFactory<String, Object> producers, PaymentSettings settings) {
        this.timeoutMillis = settings.publishTimeout().toMillis();
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        long requestTimeout = Math.max(1_000, timeoutMillis / 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeoutMillis, requestTimeout + 100));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Override
    public void publish(String eventId, String orderId, String paymentId, PaymentNotification n) {
        PaymentCallbackReceived event = PaymentCallbackReceived.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(Instant.now())
                .setOrderId(orderId)
                .setPaymentId(paymentId)
                .setGateway(n.gateway())
                .setNotifyId(n.notifyId())
                .setTradeNo(n.tradeNo())
                .setTradeStatus(n.rawStatus())
                .setAmountMinor(n.amountMinor())
                .setCurrency(n.currency())
                .setNotifiedAt(n.notifiedAt())
                .setPaidAt(n.paidAt())
                .setParams(Map.copyOf(n.params()))
                .build();
        try {
            kafka.send(Topics.PAYMENT_CALLBACKS, orderId, event).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallbacksUnavailableException("interrupted while publishing the notification", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new CallbacksUnavailableException("Kafka did not take the notification within "
                    + timeoutMillis + " ms: " + e, e);
        }
    }
}
