package dev.marquee.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollTransactionsTest {

    private final Ledger ledger = new Ledger();
    private final PollTransactions polls = new PollTransactions(ledger);

    @Test
    void aPollIsAppliedInOneTransactionInOrder() {
        polls.apply(records("a", "b", "c"), ledger::write);

        assertThat(ledger.committed).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void aPermanentFailureIsNamedAfterTheRecordsBeforeItCommittedOneByOne() {
        Consumer<Object> handler = value -> {
            if (value.equals("c")) {
                throw new DataIntegrityViolationException("c contradicts its order");
            }
            ledger.write(value);
        };

        assertThatThrownBy(() -> polls.apply(records("a", "b", "c", "d"), handler))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2));
        assertThat(ledger.committed).containsExactly(List.of("a"), List.of("b"));
        assertThat(ledger.rolledBack).isEqualTo(2);
    }

    @Test
    void aTransientFailureIsThrownWithNothingCommitted() {
        Consumer<Object> handler = value -> {
            if (value.equals("b")) {
                throw new QueryTimeoutException("the database is away");
            }
            ledger.write(value);
        };

        assertThatThrownBy(() -> polls.apply(records("a", "b", "c"), handler))
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(ledger.committed).isEmpty();
    }

    @Test
    void anUndecodableRecordIsNamedOnceThoseBeforeItAreApplied() {
        List<ConsumerRecord<String, Object>> records = records("a", "b", null, "d");

        assertThatThrownBy(() -> polls.apply(records, ledger::write))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2));
        assertThat(ledger.committed).containsExactly(List.of("a", "b"));
    }

    private static List<ConsumerRecord<String, Object>> records(Object... values) {
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>("seat-events", 0, i, "key", values[i]));
        }
        return records;
    }

    /** A transaction manager over a list: writes are kept per transaction, and committed or dropped with it. */
    private static final class Ledger extends AbstractPlatformTransactionManager {

        final List<List<Object>> committed = new ArrayList<>();
        int rolledBack;
        private List<Object> open;

        void write(Object value) {
            assertThat(open).as("a write outside a transaction").isNotNull();
            open.add(value);
        }

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            open = new ArrayList<>();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed.add(open);
            open = null;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rolledBack++;
            open = null;
        }
    }
}
