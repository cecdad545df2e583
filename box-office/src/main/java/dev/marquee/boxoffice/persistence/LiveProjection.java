package dev.marquee.boxoffice.persistence;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.marquee.boxoffice.BoxOfficeTally;
import dev.marquee.boxoffice.SaleEvent;
import org.apache.kafka.common.TopicPartition;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Applies a batch of consumed events to the live tables in one transaction with the offsets they were consumed
 * up to: the batch's orders are read (locked), the events folded into a tally resuming them, and the changed
 * orders, the cell changes and the offsets written back, a few statements per batch. A batch applied again after
 * a crash finds the offsets it wrote, or nothing of it: never half.
 */
public final class LiveProjection {

    private final ProjectionStore store;
    private final TransactionOperations tx;
    private final ZoneId zone;

    public LiveProjection(ProjectionStore store, TransactionOperations tx, ZoneId zone) {
        this.store = store;
        this.tx = tx;
        this.zone = zone;
    }

    /**
     * @param events      the batch's sale events, in the order consumed
     * @param nextOffsets per partition of the batch, the offset after its last record
     */
    public void apply(List<SaleEvent> events, Map<TopicPartition, Long> nextOffsets) {
        tx.executeWithoutResult(status -> {
            BoxOfficeTally tally = BoxOfficeTally.resuming(zone,
                    store.lockOrders(events.stream().map(SaleEvent::orderId).toList()));
            events.forEach(tally::apply);
            store.saveOrders(tally.changedOrders());
            store.addToCells(tally.cells());
            store.saveOffsets(nextOffsets);
        });
    }

    /** The offsets to resume consuming from. */
    public Map<TopicPartition, Long> offsets() {
        return store.offsets();
    }
}
