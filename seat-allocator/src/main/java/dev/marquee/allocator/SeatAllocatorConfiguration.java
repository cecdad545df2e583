package dev.marquee.allocator;

import java.time.Clock;

import dev.marquee.schemas.Topics;
import dev.marquee.support.OrderLimitProperties;
import dev.marquee.support.RetryingConsumers;
import dev.marquee.support.TopicProperties;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AllocatorProperties.class, HoldProperties.class})
class SeatAllocatorConfiguration {

    static final String DEAD_LETTERS = "-dlt";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AllocationPolicy allocationPolicy(OrderLimitProperties limits, HoldProperties hold) {
        return new AllocationPolicy(new SeatRules(limits.maxSeats(), limits.maxSeatsPerCustomer()), new BestAvailable(),
                hold.duration());
    }

    /**
     * A failed batch (database, Redis or Kafka unavailable, hall busy) is retried with backoff until it succeeds:
     * deciding is idempotent, so a retry re-sends the recorded answers and never decides an order twice. A record
     * that cannot be decoded is not retried: it goes, with its original bytes, to {@code order-requests-dlt}
     * (same partition), so nothing accepted is lost and the partition moves on. So does, as the event it is, a
     * request that failed for good and whose INTERNAL_ERROR rejection could not be recorded either.
     */
    @Bean
    DefaultErrorHandler allocatorErrorHandler(ProducerFactory<?, ?> producers, KafkaTemplate<?, ?> kafka) {
        return RetryingConsumers.withDeadLetters(producers, kafka,
                (record, e) -> new TopicPartition(record.topic() + DEAD_LETTERS, record.partition()));
    }

    @Bean
    KafkaAdmin.NewTopics topics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(Topics.declarations(topics.partitions(), topics.replicationFactor(),
                Topics.ORDER_REQUESTS, Topics.ORDER_REQUESTS + DEAD_LETTERS, Topics.SEAT_EVENTS,
                Topics.CATALOG_EVENTS, Topics.CATALOG_EVENTS + DEAD_LETTERS));
    }
}
