package dev.marquee.allocator.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.allocator.SeatAllocation;
import dev.marquee.allocator.SeatRequest;
import dev.marquee.events.OrderRequested;
import dev.marquee.ledger.Allocation;
import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.stereotype.Component;

/**
 * Takes whatever order requests the poll returned, hall by hall, and answers each with SeatsHeld or
 * SeatsRejected. The batch's offsets are committed only after every answer was acknowledged by Kafka.
 */
@Component
class OrderRequestsListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(OrderRequestsListener.class);

    private final SeatAllocation allocation;
    private final SeatOutcomePublisher publisher;

    OrderRequestsListener(SeatAllocation allocation, SeatOutcomePublisher publisher) {
        this.allocation = allocation;
        this.publisher = publisher;
    }

    /**
     * Decides the records up to the first one that cannot be decoded; that one is then named to the error
     * handler, which commits what was decided, sends the record to the dead-letter topic and redelivers the rest.
     */
    @KafkaListener(id = "seat-allocator", topics = Topics.ORDER_REQUESTS, groupId = "seat-allocator", batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        Map<Long, List<SeatRequest>> byHall = new LinkedHashMap<>();
        int undecodable = -1;
        for (int i = 0; i < records.size() && undecodable < 0; i++) {
            if (records.get(i).value() instanceof OrderRequested event) {
                byHall.computeIfAbsent(event.getHallId(), hall -> new ArrayList<>()).add(request(event));
            } else {
                undecodable = i;
            }
        }
        List<Allocation> answers = new ArrayList<>();
        byHall.forEach((hall, requests) -> answers.addAll(allocation.allocate(hall, requests)));
        publisher.publish(answers);
        if (undecodable >= 0) {
            ConsumerRecord<String, Object> record = records.get(undecodable);
            log.error("order request {}-{}@{} cannot be decoded; it goes to the dead-letter topic", record.topic(),
                    record.partition(), record.offset());
            throw new BatchListenerFailedException("undecodable order request",
                    new DeserializationException("undecodable order request", null, false, null), undecodable);
        }
    }

    /** Halls may have moved: their views are read again from the database (the fence would tell anyway). */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        allocation.forgetViews();
    }

    private static SeatRequest request(OrderRequested e) {
        return new SeatRequest(e.getOrderId(), e.getCustomerId(), e.getScreeningId(), e.getHallId(), e.getSeats(),
                e.getAnySeats(), e.getScreeningStartsAt());
    }
}
