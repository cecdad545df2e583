package dev.marquee.support;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every service that consumes Kafka reports its stalled consumer groups ({@link ConsumerStallWatch}); declared once
 * here, picked up by Spring Boot's auto-configuration, so no service has to remember it.
 */
@AutoConfiguration
@ConditionalOnClass({KafkaListenerEndpointRegistry.class, MeterRegistry.class})
public class ConsumerStallConfiguration {

    @Bean
    ConsumerStallWatch consumerStallWatch(ListableBeanFactory beans, ObjectProvider<KafkaListenerEndpointRegistry> registry,
                                          ObjectProvider<KafkaAdmin> admin, ObjectProvider<MeterRegistry> meters,
                                          ConsumerStallProperties properties) {
        return new ConsumerStallWatch(beans, registry, admin, meters, properties.checkInterval());
    }
}
