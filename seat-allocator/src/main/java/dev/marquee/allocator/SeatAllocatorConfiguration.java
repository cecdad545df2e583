package dev.marquee.allocator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

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
     * (same partition), so nothing accepted is lost and the partition moves on.
     */
    @Bean
    DefaultErrorHandler allocatorErrorHandler(ProducerFactory<?, ?> producers) {
        Map<String, Object> raw = new HashMap<>(producers.getConfigurationProperties());
        raw.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<String, byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(raw));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(Map.of(byte[].class, deadLetters),
                (record, e) -> new TopicPartition(record.topic() + DEAD_LETTERS, record.partition()));
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
        backOff.setMaxInterval(5_000);
        return new DefaultErrorHandler(recoverer, backOff);
    }

    @Bean
    KafkaAdmin.NewTopics topics(@Value("${marquee.topics.partitions:6}") int partitions,
                                @Value("${marquee.topics.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(Topics.declarations(partitions, replicas,
                Topics.ORDER_REQUESTS, Topics.ORDER_REQUESTS + DEAD_LETTERS, Topics.SEAT_EVENTS));
    }
}
