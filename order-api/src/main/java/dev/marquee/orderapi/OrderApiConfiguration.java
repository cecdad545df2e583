package dev.marquee.orderapi;

import java.time.Clock;

import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class OrderApiConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The demo catalog is a migration of its own, applied only where {@code marquee.demo-data} is true. */
    @Bean
    FlywayConfigurationCustomizer demoData(@Value("${marquee.demo-data:false}") boolean demoData) {
        return flyway -> {
            if (demoData) {
                flyway.locations("classpath:db/order-api", "classpath:db/demo-data");
            }
        };
    }

    /** order-requests, keyed by hall: its partition count caps the number of busy allocator instances. */
    @Bean
    NewTopic orderRequestsTopic(@Value("${marquee.topics.partitions:6}") int partitions,
                                @Value("${marquee.topics.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.ORDER_REQUESTS).partitions(partitions).replicas(replicas)
                .config("retention.ms", "-1").build();
    }
}
