package dev.marquee.boxoffice.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.boxoffice.SaleEvent;
import dev.marquee.boxoffice.persistence.LiveProjection;
import dev.marquee.schemas.Topics;
import dev.marquee.support.Failures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Feeds the live projection a poll's worth of order and seat events at a time. The offsets consumed live in the
 * projection's database, written with the figures; on assignment the consumer seeks to them (or to the beginning
 * of a partition never consumed), so what Kafka's group has committed does not matter. A record that cannot be
 * decoded is logged and passed over; the rebuild and the replay pass it over alike.
 * <p>
 * A batch that fails transiently (the database away, a deadlock) is thrown, and retried until it passes. One that
 * fails for good is applied again record by record, and the record that fails is set aside to box-office-dlt
 * ({@link ProjectionDeadLetters}); the projection goes on with the rest at once, and a rebuild passes over the same
 * records.
 */
@Component
class ProjectionListener extends AbstractConsumerSeekAware {

    static final String ID = "box-office";
    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);

    private final LiveProjection projection;
    private final ProjectionDeadLetters deadLetters;

    ProjectionListener(LiveProjection projection, ProjectionDeadLetters deadLetters) {
        this.projection = projection;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = ID, groupId = ID, topics = {Topics.ORDER_EVENTS, Topics.SEAT_EVENTS}, batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        try {
            projection.apply(events(records), nextOffsets(records));
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            log.warn("A batch of {} records failed for good ({}); applying them one at a time", records.size(),
                    e.toString());
            oneAtATime(records);
        }
    }

    /**
     * Applies each record on its own with its offset, passing over those the stored offsets already cover (applied
     * before a transient failure made the batch come again); one that fails for good is set aside and the stored
     * offset moves past it. A transient failure is thrown: the batch comes again.
     */
    private void oneAtATime(List<ConsumerRecord<String, Object>> records) {
        Map<TopicPartition, Long> stored = projection.offsets();
        for (ConsumerRecord<String, Object> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (record.offset() < stored.getOrDefault(partition, 0L)) {
                continue;
            }
            Map<TopicPartition, Long> next = Map.of(partition, record.offset() + 1);
            try {
                projection.apply(events(List.of(record)), next);
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                deadLetters.setAside(record, e);
                projection.apply(List.of(), next);
            }
        }
    }

    private static List<SaleEvent> events(List<ConsumerRecord<String, Object>> records) {
        List<SaleEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, Object> record : records) {
            if (record.value() == null) {
                undecodable(record);
                continue;
            }
            SaleEvent event = SaleEvents.of(record.value());
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private static Map<TopicPartition, Long> nextOffsets(List<ConsumerRecord<String, Object>> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, Object> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        return next;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        seekToStored(assignments.keySet(), callback);
    }

    /** Moves every assigned partition to the stored offsets (after a rebuild swapped in new ones). */
    void seekToStored() {
        getCallbacksAndTopics().forEach((callback, partitions) -> seekToStored(partitions, callback));
    }

    private void seekToStored(Iterable<TopicPartition> partitions, ConsumerSeekCallback callback) {
        Map<TopicPartition, Long> stored = projection.offsets();
        for (TopicPartition partition : partitions) {
            Long offset = stored.get(partition);
            if (offset == null) {
                callback.seekToBeginning(partition.topic(), partition.partition());
            } else {
                callback.seek(partition.topic(), partition.partition(), offset);
            }
        }
    }

    private static void undecodable(ConsumerRecord<String, Object> record) {
        boolean failed = record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null;
        if (failed) {
            log.warn("Passing over {}-{}@{} (key {}): it cannot be decoded", record.topic(), record.partition(),
                    record.offset(), record.key());
        }
    }
}
