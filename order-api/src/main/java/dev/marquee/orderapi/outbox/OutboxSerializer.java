package dev.marquee.orderapi.outbox;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * The value serializer the Kafka producers are configured with (by class name), configured the same way, so the
 * outbox holds exactly the bytes a direct producer would have sent.
 */
@Component
class OutboxSerializer {

    private final Serializer<Object> serializer;

    @SuppressWarnings("unchecked")
    OutboxSerializer(ProducerFactory<?, ?> producers) {
        Map<String, Object> config = producers.getConfigurationProperties();
        Object type = config.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        try {
            Class<?> serializerClass = type instanceof Class<?> c ? c : Class.forName(type.toString());
            this.serializer = (Serializer<Object>) Utils.newInstance(serializerClass);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("value serializer " + type + " is not on the classpath", e);
        }
        serializer.configure(config, false);
    }

    Serializer<Object> serializer() {
        return serializer;
    }
}
