package dev.marquee.support;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How every service's consumers fail: a record or batch whose handling failed (database, Redis, Kafka or a
 * gateway unavailable, a hall busy) is retried with backoff, 100 ms doubling to 5 s, until it succeeds, since
 * every handler is idempotent and a skipped record would be lost. What is not worth retrying (a record that cannot
 * be decoded; whatever the service classifies so) goes, with its original bytes and the original topic in its
 * headers, to the dead-letter partition {@code deadLetters} names, and the partition moves on.
 */
public final class RetryingConsumers {

    private RetryingConsumers() {
    }

    /** Dead letters keep their original bytes: records that could not be decoded have nothing else. */
    public static DefaultErrorHandler withDeadLetters(ProducerFactory<?, ?> producers,
                                                      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> deadLetters) {
        return withDeadLetters(producers, null, deadLetters);
    }

    /**
     * As above; {@code decoded} also sends records that were decoded but failed for good (the service marks such
     * exceptions not retryable), as the events they are.
     */
    public static DefaultErrorHandler withDeadLetters(ProducerFactory<?, ?> producers, KafkaOperations<?, ?> decoded,
                                                      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> deadLetters) {
        Map<String, Object> raw = new HashMap<>(producers.getConfigurationProperties());
        raw.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<String, byte[]>(new DefaultKafkaProducerFactory<>(raw)));
        if (decoded != null) {
            templates.put(Object.class, decoded);
        }
        return new DefaultErrorHandler(new DeadLetterPublishingRecoverer(templates, deadLetters), backOff());
    }

    /** For consumers that must never skip anything (a projection): retried until it succeeds, nothing set aside. */
    public static DefaultErrorHandler untilTheySucceed() {
        return new DefaultErrorHandler(backOff());
    }

    static ExponentialBackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
        backOff.setMaxInterval(5_000);
        return backOff;
    }
}
