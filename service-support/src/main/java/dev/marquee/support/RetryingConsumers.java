package dev.marquee.support;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How every service's consumers fail (DESIGN §7). A record whose handling failed transiently ({@link Failures}:
 * database, Redis, Kafka or a gateway unavailable, a deadlock, a hall busy) is retried with backoff, 100 ms doubling
 * to 5 s, until it succeeds, since every handler is idempotent and a skipped record would be lost. A permanent
 * failure (the same record fails the same way again) is tried {@value #PERMANENT_TRIES} times in all, then the
 * record goes, with its cause in the headers, to the dead-letter partition {@code deadLetters} names, and the
 * partition moves on; so does at once a record that cannot be decoded, with its original bytes.
 * <p>
 * Batch listeners must name the failed record ({@code BatchListenerFailedException}) for this to isolate it: a
 * batch that fails as a whole is retried as a whole, until it succeeds.
 */
public final class RetryingConsumers {

    /** How often a record whose failure is permanent is tried before it is set aside. */
    public static final int PERMANENT_TRIES = 3;

    private RetryingConsumers() {
    }

    /**
     * Records that could not be decoded go with their original bytes; {@code decoded} sends records that were
     * decoded but failed for good, as the events they are.
     */
    public static DefaultErrorHandler withDeadLetters(ProducerFactory<?, ?> producers, KafkaOperations<?, ?> decoded,
                                                      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> deadLetters) {
        return withDeadLetters(producers, decoded, deadLetters, Set.of());
    }

    /** As above, with the service's own transient failures (a refund the gateway has not confirmed, say). */
    public static DefaultErrorHandler withDeadLetters(ProducerFactory<?, ?> producers, KafkaOperations<?, ?> decoded,
                                                      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> deadLetters,
                                                      Set<Class<? extends Throwable>> alsoTransient) {
        Map<String, Object> raw = new HashMap<>(producers.getConfigurationProperties());
        raw.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<String, byte[]>(new DefaultKafkaProducerFactory<>(raw)));
        templates.put(Object.class, decoded);
        DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(templates, deadLetters),
                backOff());
        handler.setBackOffFunction((record, failure) -> backOffFor(failure, alsoTransient));
        return handler;
    }

    /** Transient failures: until they succeed. Permanent ones: {@value #PERMANENT_TRIES} tries in all, 100 ms apart. */
    static BackOff backOffFor(Exception failure, Set<Class<? extends Throwable>> alsoTransient) {
        return Failures.isTransient(failure, alsoTransient) ? backOff() : new FixedBackOff(100, PERMANENT_TRIES - 1);
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
