package dev.marquee.orderapi;

import java.time.Clock;

import dev.marquee.schemas.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

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

    /** order-requests (keyed by hall: its partition count caps the busy allocators) and the payment topics. */
    @Bean
    KafkaAdmin.NewTopics topics(@Value("${marquee.topics.partitions:6}") int partitions,
                                @Value("${marquee.topics.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(Topics.declarations(partitions, replicas,
                Topics.ORDER_REQUESTS, Topics.PAYMENT_CALLBACKS, Topics.ORDER_EVENTS));
    }
}
