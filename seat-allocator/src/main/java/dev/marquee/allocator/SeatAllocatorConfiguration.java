package dev.marquee.allocator;

import java.time.Clock;
import java.time.Duration;

import dev.marquee.schemas.Topics;
import dev.marquee.support.RetryingConsumers;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
class SeatAllocatorConfiguration {

    static final String DEAD_LETTERS = "-dlt";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AllocationPolicy allocationPolicy(@Value("${marquee.orders.max-seats:6}") int maxSeatsPerOrder,
                                      @Value("${marquee.orders.max-seats-per-customer:10}") int maxSeatsPerCustomer,
                                      @Value("${marquee.hold.duration:15m}") Duration holdFor) {
        return new AllocationPolicy(new SeatRules(maxSeatsPerOrder, maxSeatsPerCustomer), new BestAvailable(), holdFor);
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
    KafkaAdmin.NewTopics topics(@Value("${marquee.topics.partitions:6}") int partitions,
                                @Value("${marquee.topics.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(Topics.declarations(partitions, replicas,
                Topics.ORDER_REQUESTS, Topics.ORDER_REQUESTS + DEAD_LETTERS, Topics.SEAT_EVENTS,
                Topics.CATALOG_EVENTS, Topics.CATALOG_EVENTS + DEAD_LETTERS));
    }
}
