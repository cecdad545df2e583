package dev.marquee.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The settings more than one service reads, bound once here (each with its one default) and picked up by Spring
 * Boot's auto-configuration in every service.
 */
@AutoConfiguration
@EnableConfigurationProperties({TopicProperties.class, SchemaRegistryProperties.class, 
        OrderLimitProperties.class, PaymentExtensionProperties.class, ConsumerStallProperties.class})
public class SharedProperties {
}
