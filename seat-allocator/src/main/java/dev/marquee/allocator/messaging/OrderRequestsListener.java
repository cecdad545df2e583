package dev.marquee.allocator.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.marquee.allocator.SeatAllocation;
import dev.marquee.allocator.SeatRequest;
import dev.marquee.events.OrderRequested;
import dev.marquee.ledger.Allocation;
import dev.marquee.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Takes whatever order requests the poll returned, hall by hall, and answers each with SeatsHeld or
 * SeatsRejected. Each hall's answers are sent as soon as its decision is committed (the seat maps show them while
 * the next hall is decided); the batch's offsets are committed only after every answer was acknowledged by Kafka.
 * <p>
 * A hall's batch that fails transiently (database, Redis or Kafka away, a deadlock, the hall busy) is thrown to the
 * error handler, which retries the poll until it passes. One that fails for good is decided again one request at a
 * time, so that only the request that fails is set aside: it is answered REJECTED / INTERNAL_ERROR
 * ({@link SeatAllocation#isolate}), and the rest of the hall, the poll and the partition go on at once. A request
 * whose rejection cannot even be recorded goes to the dead-letter topic with its cause.
 */
@Component
class OrderRequestsListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(OrderRequestsListener.class);

    private final SeatAllocation allocation;
    private final HallDecisions halls;
    private final SeatOutcomePublisher publisher;
    private final Map<Allocation.Outcome, Counter> decisions = new EnumMap<>(Allocation.Outcome.class);
    private final DistributionSummary batchSize;
    private final Timer latency;

    /**
     * Metrics: {@code marquee.allocator.batch.size} (requests per poll), {@code marquee.allocator.decisions
     * {outcome=HELD|REJECTED}}, {@code marquee.allocator.isolated} (requests a permanent failure set apart), and {@code marquee.allocator.decision.latency}, from the order's acceptance at the
     * edge to its answer acknowledged by Kafka (relay, queue and decision together).
     */
    OrderRequestsListener(SeatAllocation allocation, SeatOutcomePublisher publisher, MeterRegistry meters) {
        this.allocation = allocation;
        this.publisher = publisher;
        for (Allocation.Outcome outcome : Allocation.Outcome.values()) {
            decisions.put(outcome, Counter.builder("marquee.allocator.decisions").tag("outcome", outcome.name())
                    .description("answers to order requests").register(meters));
        }
        this.batchSize = DistributionSummary.builder("marquee.allocator.batch.size")
                .description("order requests decided per poll").register(meters);
        this.latency = Timer.builder("marquee.allocator.decision.latency")
                .description("order accepted at the edge to its answer in Kafka").publishPercentileHistogram()
                .register(meters);
        this.halls = new HallDecisions(allocation, Counter.builder("marquee.allocator.isolated")
                .description("order requests whose deciding failed for good, answered INTERNAL_ERROR or set aside")
                .register(meters));
    }

    /**
     * Decides the records up to the first one that cannot be decoded; that one (or the first whose rejection could
     * not be recorded) is then named to the error handler, which commits what was decided, sends the record to the
     * dead-letter topic and redelivers the rest, whose recorded answers are sent again.
     */
    @KafkaListener(id = "seat-allocator", topics = Topics.ORDER_REQUESTS, groupId = "seat-allocator", batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        Map<Long, List<SeatRequest>> byHall = new LinkedHashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        int undecodable = -1;
        for (int i = 0; i < records.size() && undecodable < 0; i++) {
            if (records.get(i).value() instanceof OrderRequested event) {
                byHall.computeIfAbsent(event.getHallId(), hall -> new ArrayList<>()).add(request(event));
                positions.putIfAbsent(event.getOrderId(), i);
            } else {
                undecodable = i;
            }
        }
        List<Allocation> answers = new ArrayList<>();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        Map<Integer, RuntimeException> setAside = new HashMap<>();
        byHall.forEach((hall, requests) -> {
            List<Allocation> ofHall = halls.decide(hall, requests,
                    (request, failure) -> setAside.put(positions.get(request.orderId()), failure));
            answers.addAll(ofHall);
            sent.add(publisher.send(ofHall));      // on their way while the next hall is decided
        });
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        int firstFailed = setAside.keySet().stream().mapToInt(Integer::intValue).min().orElse(-1);
        if (undecodable >= 0 && (firstFailed < 0 || undecodable < firstFailed)) {
            firstFailed = undecodable;
        }
        measure(records.subList(0, firstFailed < 0 ? records.size() : firstFailed), answers);
        if (firstFailed == undecodable && undecodable >= 0) {
            ConsumerRecord<String, Object> record = records.get(undecodable);
            log.error("order request {}-{}@{} cannot be decoded; it goes to the dead-letter topic", record.topic(),
                    record.partition(), record.offset());
            throw new BatchListenerFailedException("undecodable order request",
                    new DeserializationException("undecodable order request", null, false, null), undecodable);
        }
        if (firstFailed >= 0) {
            RuntimeException cause = setAside.get(firstFailed);
            throw new BatchListenerFailedException("order request could not be answered: "
                    + NestedExceptionUtils.getMostSpecificCause(cause), cause, firstFailed);
        }
    }

    private void measure(List<ConsumerRecord<String, Object>> decided, List<Allocation> answers) {
        batchSize.record(decided.size());
        Instant now = Instant.now();
        for (ConsumerRecord<String, Object> record : decided) {
            latency.record(Duration.between(((OrderRequested) record.value()).getOccurredAt(), now));
        }
        for (Allocation answer : answers) {
            decisions.get(answer.outcome()).increment();
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
