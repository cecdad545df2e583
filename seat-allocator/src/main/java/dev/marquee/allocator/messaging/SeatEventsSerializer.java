package dev.marquee.allocator.messaging;

import java.util.function.Supplier;

import dev.marquee.schemas.serde.ConfluentAvroSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The allocator's producer writes its values with this one serializer instance (the producer factory configures it
 * with the producer's properties, as Kafka would), so that {@link SeatOutcomePublisher#warmUp} can fill its
 * schema-id cache before the first answer. Same class and settings as {@code spring.kafka.producer.value-serializer}.
 */
final class SeatEventsSerializer implements Supplier<Serializer<Object>> {

    private final ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();

    @Override
    public Serializer<Object> get() {
        return serializer;
    }

    @Configuration(proxyBeanMethods = false)
    static class Producer {

        @Bean
        SeatEventsSerializer seatEventsSerializer() {
            return new SeatEventsSerializer();
        }

        @Bean
        @SuppressWarnings("unchecked")
        DefaultKafkaProducerFactoryCustomizer seatEventsSerializerInstance(SeatEventsSerializer serializer) {
            return factory -> ((DefaultKafkaProducerFactory<Object, Object>) factory)
                    .setValueSerializerSupplier(serializer);
        }
    }
}
