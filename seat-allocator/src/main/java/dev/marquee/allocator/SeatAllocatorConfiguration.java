package dev.marquee.allocator;

import java.time.Clock;
import java.time.Duration;

import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class SeatAllocatorConfiguration {

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
     * deciding is idempotent, so a retry re-sends the recorded answers and never decides an order twice.
     */
    @Bean
    DefaultErrorHandler allocatorErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
        backOff.setMaxInterval(5_000);
        return new DefaultErrorHandler(backOff);
    }

    @Bean
    NewTopic seatEventsTopic(@Value("${marquee.topics.partitions:6}") int partitions,
                             @Value("${marquee.topics.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.SEAT_EVENTS).partitions(partitions).replicas(replicas)
                .config("retention.ms", "-1").build();
    }

    @Bean
    NewTopic orderRequestsTopic(@Value("${marquee.topics.partitions:6}") int partitions,
                                @Value("${marquee.topics.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.ORDER_REQUESTS).partitions(partitions).replicas(replicas)
                .config("retention.ms", "-1").build();
    }
}
