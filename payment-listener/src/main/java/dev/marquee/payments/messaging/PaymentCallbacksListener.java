package dev.marquee.payments.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.marquee.events.PaymentCallbackReceived;
import dev.marquee.payments.PaymentCallback;
import dev.marquee.payments.PaymentListenerFailures;
import dev.marquee.payments.PaymentSettlement;
import dev.marquee.payments.Settled;
import dev.marquee.payments.SettledBatch;
import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.stereotype.Component;

/**
 * Settles what a poll returned of verified payment callbacks, hall by hall (see {@link PaymentSettlement#settleAll}),
 * then publishes what each trade caused, in the callbacks' order; the batch's offsets are committed after Kafka
 * acknowledged it all. Retries, and the dead-letter topic for callbacks that cannot be decoded, are the error
 * handler's (see PaymentListenerConfiguration).
 */
@Component
class PaymentCallbacksListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentCallbacksListener.class);

    private final PaymentSettlement settlement;
    private final SettlementPublisher publisher;

    PaymentCallbacksListener(PaymentSettlement settlement, SettlementPublisher publisher) {
        this.settlement = settlement;
        this.publisher = publisher;
    }

    /**
     * Settles the records up to the first one that cannot be decoded and publishes what they caused. A callback that
     * cannot be settled, however often it is tried, or one that cannot be decoded, is then named to the error handler,
     * which commits what came before it, tries it again a few times and sets it aside in the dead-letter topic with
     * its cause; the records after it are delivered again and find their trades settled (nothing is decided twice).
     */
    @KafkaListener(id = "payment-listener", topics = Topics.PAYMENT_CALLBACKS, groupId = "payment-listener",
            batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        List<PaymentCallback> callbacks = new ArrayList<>(records.size());
        int undecodable = -1;
        for (int i = 0; i < records.size() && undecodable < 0; i++) {
            if (records.get(i).value() instanceof PaymentCallbackReceived event) {
                callbacks.add(callback(event));
            } else {
                undecodable = i;
            }
        }
        SettledBatch settled = settlement.settleAll(callbacks);
        Optional<SettledBatch.Failed> failed = settled.failed();
        for (int i = 0; i < callbacks.size(); i++) {
            Optional<SettledBatch.Failed> unpublished = publish(i, settled.answers().get(i));
            if (unpublished.isPresent() && failed.map(f -> f.index() > unpublished.get().index()).orElse(true)) {
                failed = unpublished;
            }
        }
        if (failed.isPresent()) {
            ConsumerRecord<String, Object> record = records.get(failed.get().index());
            log.error("payment callback {}-{}@{} cannot be settled ({}); it goes to the dead-letter topic unless a"
                    + " retry settles it", record.topic(), record.partition(), record.offset(),
                    failed.get().cause().toString());
            throw new BatchListenerFailedException("payment callback cannot be settled", failed.get().cause(),
                    failed.get().index());
        }
        if (undecodable >= 0) {
            ConsumerRecord<String, Object> record = records.get(undecodable);
            log.error("payment callback {}-{}@{} cannot be decoded; it goes to the dead-letter topic", record.topic(),
                    record.partition(), record.offset());
            throw new BatchListenerFailedException("undecodable payment callback",
                    new DeserializationException("undecodable payment callback", null, false, null), undecodable);
        }
    }

    /**
     * Publishes what callback {@code i} caused. A transient failure (Kafka or the registry away) is thrown: the batch
     * is tried again, and settled trades answer the same events. A permanent one is the callback's own.
     */
    private Optional<SettledBatch.Failed> publish(int i, Optional<Settled> answer) {
        try {
            answer.ifPresent(publisher::publish);
            return Optional.empty();
        } catch (RuntimeException e) {
            if (PaymentListenerFailures.isTransient(e)) {
                throw e;
            }
            return Optional.of(new SettledBatch.Failed(i, e));
        }
    }

    private static PaymentCallback callback(PaymentCallbackReceived e) {
        return new PaymentCallback(e.getOrderId(), e.getPaymentId(), e.getGateway().toLowerCase(Locale.ROOT),
                e.getNotifyId(), e.getTradeNo(), e.getTradeStatus(), e.getAmountMinor(), e.getCurrency(),
                e.getNotifiedAt(), e.getPaidAt() == null ? e.getNotifiedAt() : e.getPaidAt());
    }
}
