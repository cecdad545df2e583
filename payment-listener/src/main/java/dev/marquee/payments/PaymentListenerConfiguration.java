package dev.marquee.payments;

import java.time.Clock;

import javax.sql.DataSource;

import dev.marquee.payments.gateway.PaymentGatewaysProperties;
import dev.marquee.payments.persistence.OrderSnapshots;
import dev.marquee.payments.persistence.CancelledScreeningsTable;
import dev.marquee.payments.persistence.PaymentListenerSchema;
import dev.marquee.payments.persistence.PaymentTrades;
import dev.marquee.schemas.Topics;
import dev.marquee.support.RetryingConsumers;
import dev.marquee.support.TopicProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentGatewaysProperties.class)
class PaymentListenerConfiguration {

    static final String CALLBACK_DEAD_LETTERS = Topics.PAYMENT_CALLBACKS + "-dlt";
    static final String REFUND_DEAD_LETTERS = "payment-refunds-dlt";
    /** OrderRequested records the order projection could not store (its own, not the allocator's). */
    static final String ORDER_DEAD_LETTERS = "payment-orders-dlt";
    /** Catalog events payment-listener could not apply (its own, not the allocator's). */
    static final String CATALOG_DEAD_LETTERS = "payment-catalog-dlt";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PaymentTrades paymentTrades(DataSource dataSource, JdbcClient jdbc) {
        PaymentListenerSchema.migrate(dataSource);
        return new PaymentTrades(jdbc);
    }

    @Bean
    OrderSnapshots orderSnapshots(DataSource dataSource, JdbcClient jdbc, PaymentTrades migrated) {
        return new OrderSnapshots(jdbc, new JdbcTemplate(dataSource));
    }

    @Bean
    CancelledScreeningsTable cancelledScreenings(JdbcClient jdbc, PaymentTrades migrated) {
        return new CancelledScreeningsTable(jdbc);
    }

    /**
     * Declared once, for every container. A transient failure ({@link PaymentListenerFailures}: database, Redis,
     * Kafka or a gateway unavailable, hall busy, a refund not confirmed, an order not read yet) is retried with
     * backoff until it succeeds: settling is idempotent on the trade, refunds on the refund id, the order projection
     * on the order. A record that fails for good is tried {@value RetryingConsumers#PERMANENT_TRIES} times, then goes
     * with its cause to its dead-letter topic (same partition), and the partition moves on: a callback that cannot
     * be settled or decoded to {@code payment-callbacks-dlt}, a refund the gateway refused to
     * {@code payment-refunds-dlt} (at once), an OrderRequested that cannot be stored to {@code payment-orders-dlt}.
     */
    @Bean
    DefaultErrorHandler paymentErrorHandler(ProducerFactory<?, ?> producers, KafkaTemplate<String, Object> kafka) {
        DefaultErrorHandler handler = RetryingConsumers.withDeadLetters(producers, kafka,
                (record, e) -> new TopicPartition(deadLetterTopic(record), record.partition()),
                PaymentListenerFailures.ALSO_TRANSIENT);
        handler.addNotRetryableExceptions(RefundRejectedException.class);
        return handler;
    }

    static String deadLetterTopic(ConsumerRecord<?, ?> record) {
        return switch (record.topic()) {
            case Topics.ORDER_EVENTS -> REFUND_DEAD_LETTERS;
            case Topics.ORDER_REQUESTS -> ORDER_DEAD_LETTERS;
            case Topics.CATALOG_EVENTS -> CATALOG_DEAD_LETTERS;
            default -> record.topic() + "-dlt";
        };
    }

    @Bean
    KafkaAdmin.NewTopics topics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(Topics.declarations(topics.partitions(), topics.replicationFactor(),
                Topics.PAYMENT_CALLBACKS, Topics.ORDER_EVENTS, Topics.SEAT_EVENTS, Topics.ORDER_REQUESTS,
                Topics.CATALOG_EVENTS, CALLBACK_DEAD_LETTERS, REFUND_DEAD_LETTERS, ORDER_DEAD_LETTERS,
                CATALOG_DEAD_LETTERS));
    }
}
