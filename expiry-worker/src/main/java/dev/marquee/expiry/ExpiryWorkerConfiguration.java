package dev.marquee.expiry;

import java.time.Clock;

import javax.sql.DataSource;

import dev.marquee.expiry.persistence.ExpiryEvents;
import dev.marquee.expiry.persistence.ExpiryWorkerSchema;
import dev.marquee.schemas.Topics;
import dev.marquee.support.PaymentExtensionProperties;
import dev.marquee.support.TopicProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ExpiryProperties.class)
class ExpiryWorkerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HoldExpiry holdExpiry(PaymentExtensionProperties properties) {
        return new HoldExpiry(properties.paymentExtension());
    }

    @Bean
    ExpiryMetrics expiryMetrics(MeterRegistry registry) {
        return new ExpiryMetrics(registry);
    }

    @Bean
    ExpiryEvents expiryEvents(DataSource dataSource) {
        ExpiryWorkerSchema.migrate(dataSource);
        return new ExpiryEvents(new JdbcTemplate(dataSource));
    }

    @Bean
    KafkaAdmin.NewTopics topics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(Topics.declarations(topics.partitions(), topics.replicationFactor(),
                Topics.SEAT_EVENTS, Topics.ORDER_EVENTS));
    }
}
