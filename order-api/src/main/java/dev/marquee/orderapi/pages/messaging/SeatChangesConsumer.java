package dev.marquee.orderapi.pages.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The seat-map feed's own container factory: a record it cannot read is skipped with a log line, never retried or
 * dead-lettered. Deciding about a bad {@code seat-events} record is order-api's main group's job (it sets it aside
 * in {@code order-api-dlt} once); the feed would only add a second copy per instance.
 */
@Configuration(proxyBeanMethods = false)
class SeatChangesConsumer {

    private static final Logger log = LoggerFactory.getLogger(SeatChangesConsumer.class);

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> seatMapPagesFactory(ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(new DefaultErrorHandler((record, e) ->
                log.warn("seat map feed skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage()), new FixedBackOff(0, 0)));
        return factory;
    }
}
