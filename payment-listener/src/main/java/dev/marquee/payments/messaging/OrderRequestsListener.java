package dev.marquee.payments.messaging;

import java.util.ArrayList;
import java.util.List;

import dev.marquee.events.OrderRequested;
import dev.marquee.payments.OrderSnapshot;
import dev.marquee.payments.PaymentListenerFailures;
import dev.marquee.payments.persistence.OrderSnapshots;
import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps payment-listener's copy of the orders ({@code known_order}) from {@code order-requests}, in its own
 * consumer group ({@code payment-orders}), a poll at a time in one batch insert and one transaction (one commit for
 * the poll, not one per row). A request that cannot be stored or decoded is named to the error handler, which sets
 * it aside ({@code payment-orders-dlt}) and goes on.
 */
@Component
class OrderRequestsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderRequestsListener.class);

    private final OrderSnapshots orders;
    private final TransactionTemplate transaction;

    OrderRequestsListener(OrderSnapshots orders, TransactionTemplate transaction) {
        this.orders = orders;
        this.transaction = transaction;
    }

    @KafkaListener(id = "payment-orders", topics = Topics.ORDER_REQUESTS, groupId = "payment-orders", batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        List<OrderSnapshot> snapshots = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            if (!(records.get(i).value() instanceof OrderRequested requested)) {
                record(snapshots);
                throw new BatchListenerFailedException("undecodable order request",
                        new DeserializationException("undecodable order request", null, false, null), i);
            }
            snapshots.add(snapshot(requested));
        }
        try {
            record(snapshots);
        } catch (RuntimeException e) {
            if (PaymentListenerFailures.isTransient(e)) {
                throw e;
            }
            recordOneByOne(snapshots);
        }
    }

    /** Finds the request that cannot be stored; those before it are stored, those after it come again. */
    private void recordOneByOne(List<OrderSnapshot> snapshots) {
        for (int i = 0; i < snapshots.size(); i++) {
            try {
                record(List.of(snapshots.get(i)));
            } catch (RuntimeException e) {
                if (PaymentListenerFailures.isTransient(e)) {
                    throw e;
                }
                log.error("order request of order {} cannot be stored: {}", snapshots.get(i).orderId(), e.toString());
                throw new BatchListenerFailedException("order request cannot be stored", e, i);
            }
        }
    }

    private void record(List<OrderSnapshot> snapshots) {
        if (!snapshots.isEmpty()) {
            transaction.executeWithoutResult(status -> orders.record(snapshots));
        }
    }

    static OrderSnapshot snapshot(OrderRequested e) {
        return new OrderSnapshot(e.getOrderId(), e.getCustomerId(), e.getScreeningId(), e.getHallId(),
                e.getMovieId(), e.getCinemaId(), e.getAmountMinor(), e.getCurrency(), e.getScreeningStartsAt());
    }
}
