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
import org.springframework.kafka.listener.ConsumerSeekAware;
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

    @KafkaListener(id = "seat-allocator", topics = Topics.ORDER_REQUESTS, groupId = "seat-allocator", batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        Map<Long, List<SeatRequest>> byHall = new LinkedHashMap<>();
        for (ConsumerRecord<String, Object> record : records) {
            if (record.value() instanceof OrderRequested event) {
                byHall.computeIfAbsent(event.getHallId(), hall -> new ArrayList<>()).add(request(event));
            } else {
                log.error("skipping undecodable record {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
        }
        List<Allocation> answers = new ArrayList<>();
        byHall.forEach((hall, requests) -> answers.addAll(allocation.allocate(hall, requests)));
        publisher.publish(answers);
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
