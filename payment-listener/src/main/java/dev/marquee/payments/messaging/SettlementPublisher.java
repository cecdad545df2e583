package dev.marquee.payments.messaging;

import java.util.concurrent.CompletableFuture;

import dev.marquee.payments.Settled;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a settled trade's events after its transaction committed, and returns only once Kafka acknowledged
 * them all: the callback's offset is committed after that, so a crash in between redelivers the callback, which
 * finds the trade recorded and sends the same events again (same ids; consumers drop repeats).
 */
@Component
class SettlementPublisher {

    private final KafkaTemplate<String, Object> kafka;

    SettlementPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    void publish(Settled settled) {
        CompletableFuture<?>[] sends = SettlementEvents.of(settled).stream()
                .map(kafka::send)
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).join();
    }
}
