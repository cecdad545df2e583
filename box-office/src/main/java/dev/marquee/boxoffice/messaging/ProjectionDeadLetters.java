package dev.marquee.boxoffice.messaging;

import dev.marquee.boxoffice.rebuild.SetAsideRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Sets aside a record the projection cannot take, however often it tries (data the database refuses, say): it goes
 * to {@value SetAsideRecords#TOPIC} (same partition), as the event it is, with its origin and cause in the
 * headers, once Kafka acknowledged it. Counted in {@code marquee.box-office.dead-letters}. A rebuild passes over
 * the same records ({@link SetAsideRecords}), so that it still equals the live figures.
 */
@Component
class ProjectionDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ProjectionDeadLetters.class);

    private final DeadLetterPublishingRecoverer recoverer;
    private final Counter setAside;

    ProjectionDeadLetters(KafkaTemplate<String, Object> kafka, MeterRegistry meters) {
        this.recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(SetAsideRecords.TOPIC, record.partition()));
        this.setAside = Counter.builder("marquee.box-office.dead-letters")
                .description("records the projection set aside, each to box-office-dlt with its cause")
                .register(meters);
    }

    /** Returns once the record is in the dead-letter topic. */
    void setAside(ConsumerRecord<String, Object> record, Exception cause) {
        log.error("Setting aside {}-{}@{} (key {}): the projection cannot take it; it goes to {}", record.topic(),
                record.partition(), record.offset(), record.key(), SetAsideRecords.TOPIC, cause);
        recoverer.accept(record, cause);
        setAside.increment();
    }
}
