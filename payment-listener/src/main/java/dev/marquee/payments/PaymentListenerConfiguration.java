package dev.marquee.payments;

import java.time.Clock;

import javax.sql.DataSource;

import dev.marquee.payments.gateway.PaymentGatewaysProperties;
import dev.marquee.payments.persistence.OrderSnapshots;
import dev.marquee.payments.persistence.PaymentListenerSchema;
import dev.marquee.payments.persistence.PaymentTrades;
import dev.marquee.schemas.Topics;
import dev.marquee.support.RetryingConsumers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
    OrderSnapshots orderSnapshots(JdbcClient jdbc) {
        return new OrderSnapshots(jdbc);
    }

    /**
     * Declared once, for both containers. A failure (database, Redis, Kafka or a gateway unavailable, hall busy)
     * is retried with backoff until it succeeds: settling is idempotent on the trade, refunds on the refund id. A
     * callback that cannot be decoded goes with its original bytes to {@code payment-callbacks-dlt} (same
     * partition), and a refund the gateway refused for good to {@code payment-refunds-dlt}, so nothing is lost
     * and the partition moves on.
     */
    @Bean
    DefaultErrorHandler paymentErrorHandler(ProducerFactory<?, ?> producers, KafkaTemplate<String, Object> kafka) {
        DefaultErrorHandler handler = RetryingConsumers.withDeadLetters(producers, kafka,
                (record, e) -> new TopicPartition(deadLetterTopic(record), record.partition()));
        handler.addNotRetryableExceptions(RefundRejectedException.class);
        return handler;
    }

    private static String deadLetterTopic(ConsumerRecord<?, ?> record) {
        return Topics.ORDER_EVENTS.equals(record.topic()) ? REFUND_DEAD_LETTERS : record.topic() + "-dlt";
    }

    @Bean
    KafkaAdmin.NewTopics topics(@Value("${marquee.topics.partitions:6}") int partitions,
                                @Value("${marquee.topics.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(Topics.declarations(partitions, replicas,
                Topics.PAYMENT_CALLBACKS, Topics.ORDER_EVENTS, Topics.SEAT_EVENTS,
                CALLBACK_DEAD_LETTERS, REFUND_DEAD_LETTERS));
    }
}
