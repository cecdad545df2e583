package dev.marquee.orderapi;

import java.time.Clock;

import dev.marquee.schemas.Topics;
import dev.marquee.support.RetryingConsumers;
import dev.marquee.support.TopicProperties;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
class OrderApiConfiguration {

    /** Where order-api sets aside the seat and order events it cannot decode; {@code marquee dead-letters} re-drives. */
    static final String DEAD_LETTERS = "order-api-dlt";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * For both listeners (seat-events, order-events). A transient failure (database unavailable, a deadlock, an
     * optimistic-lock conflict between the two containers writing one order) is retried with backoff until it
     * succeeds, never skipped: a skipped SeatsHeld or OrderPaid would leave its order's state behind for good. Every
     * handler is idempotent on the event id, so a retry does no harm. The order's state machine accepts every event
     * in every state, so what remains permanent is a corrupt event (a SeatsHeld with other seats than its order's):
     * tried three times, then set aside, as the event it is, in {@code order-api-dlt} (same partition, its cause in
     * the headers), and the partition moves on. A record that cannot be decoded goes there at once with its bytes.
     * The listeners do not use Redis, so Redisson's failures need no place here.
     */
    @Bean
    DefaultErrorHandler listenerErrorHandler(ProducerFactory<?, ?> producers, KafkaTemplate<?, ?> events) {
        return RetryingConsumers.withDeadLetters(producers, events,
                (record, e) -> new TopicPartition(DEAD_LETTERS, record.partition()));
    }

    /**
     * order-requests (keyed by hall: its partition count caps the busy allocators), the payment topics, the catalog's
     * events, the DLT.
     */
    @Bean
    KafkaAdmin.NewTopics topics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(Topics.declarations(topics.partitions(), topics.replicationFactor(),
                Topics.ORDER_REQUESTS, Topics.PAYMENT_CALLBACKS, Topics.ORDER_EVENTS, Topics.CATALOG_EVENTS, DEAD_LETTERS));
    }
}
