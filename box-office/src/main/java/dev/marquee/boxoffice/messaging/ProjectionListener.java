package dev.marquee.boxoffice.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.boxoffice.SaleEvent;
import dev.marquee.boxoffice.persistence.LiveProjection;
import dev.marquee.schemas.Topics;
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
 */
@Component
class ProjectionListener extends AbstractConsumerSeekAware {

    static final String ID = "box-office";
    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);

    private final LiveProjection projection;

    ProjectionListener(LiveProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = ID, groupId = ID, topics = {Topics.ORDER_EVENTS, Topics.SEAT_EVENTS}, batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        List<SaleEvent> events = new ArrayList<>(records.size());
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, Object> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
            if (record.value() == null) {
                undecodable(record);
                continue;
            }
            SaleEvent event = SaleEvents.of(record.value());
            if (event != null) {
                events.add(event);
            }
        }
        projection.apply(events, next);
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
