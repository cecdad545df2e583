package dev.marquee.support;

import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies what a poll returned in one database transaction: one commit (one log flush) for the poll, where a
 * listener taking record by record commits once per record. The handlers stay what they were, idempotent on the
 * event id and {@code @Transactional}; they join the poll's transaction.
 * <p>
 * Failures keep to DESIGN §7. A transient one is thrown: nothing of the poll was committed, and the error handler
 * retries the poll until it passes. A permanent one rolls the poll back, and its records are applied again one
 * transaction each, so that the one that fails is named to the error handler ({@link BatchListenerFailedException}),
 * which commits the offsets before it, sets it aside after its tries and redelivers the rest. A record that cannot
 * be decoded (its value null, as the error-handling deserializer leaves it) is named likewise once those before it
 * are applied.
 */
public final class PollTransactions {

    private final TransactionTemplate transactions;

    public PollTransactions(PlatformTransactionManager transactions) {
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Applies each record's value, in order, with {@code handler}. */
    public void apply(List<? extends ConsumerRecord<?, ?>> records, Consumer<Object> handler) {
        int undecodable = firstUndecodable(records);
        List<? extends ConsumerRecord<?, ?>> decoded = undecodable < 0 ? records : records.subList(0, undecodable);
        try {
            transactions.executeWithoutResult(status -> decoded.forEach(r -> handler.accept(r.value())));
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            oneAtATime(decoded, handler);
        }
        if (undecodable >= 0) {
            throw new BatchListenerFailedException("undecodable record",
                    new DeserializationException("undecodable record", null, false, null), undecodable);
        }
    }

    private void oneAtATime(List<? extends ConsumerRecord<?, ?>> records, Consumer<Object> handler) {
        for (int i = 0; i < records.size(); i++) {
            Object value = records.get(i).value();
            try {
                transactions.executeWithoutResult(status -> handler.accept(value));
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                throw new BatchListenerFailedException("record failed for good: " + e, e, i);
            }
        }
    }

    private static int firstUndecodable(List<? extends ConsumerRecord<?, ?>> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() == null) {
                return i;
            }
        }
        return -1;
    }
}
