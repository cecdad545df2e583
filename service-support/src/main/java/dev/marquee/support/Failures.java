package dev.marquee.support;

import java.io.IOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * DESIGN §7: a failure is transient (it can pass: a server away, a deadlock, a lock wait, a timeout) or permanent
 * (the same record fails the same way again: a constraint, bad data, a refused transition). Consumers retry only
 * the transient ones; a permanent one is isolated to its record.
 * <p>
 * Transient are, anywhere in the cause chain: Spring's transient, recoverable and resource-failure data access
 * exceptions (deadlocks, lock waits and optimistic-lock conflicts among them; so are the seat ledger's
 * {@code HallBusyException} and {@code FencedOutException}), a transaction that could not start, JDBC's transient
 * and recoverable exceptions, Kafka's retriable ones, timeouts, I/O errors (a consumer's I/O is a network call:
 * refused, reset, timed out), Redisson's errors (a record never causes one), and whatever the service adds
 * ({@link #isTransient(Throwable, Set)}). Everything else is permanent.
 */
public final class Failures {

    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            TransientDataAccessException.class, RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            SQLTransientException.class, SQLRecoverableException.class, RetriableException.class,
            TimeoutException.class, IOException.class);

    /**
     * Redisson's errors, by name (not every service has Redisson on its class path): a record never causes one (a
     * Redis away, loading, busy, failing over, shutting down, or refusing a script of the code's own), so trying the
     * record again is always right.
     */
    private static final Set<String> TRANSIENT_BY_NAME = Set.of("org.redisson.client.RedisException",
            "org.redisson.RedissonShutdownException");

    private Failures() {
    }

    /** Whether the failure can pass when the same work is tried again. */
    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, Set.of());
    }

    /** As {@link #isTransient(Throwable)}, with the service's own transient exception types. */
    public static boolean isTransient(Throwable failure, Set<Class<? extends Throwable>> alsoTransient) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            Class<? extends Throwable> type = t.getClass();
            if (TRANSIENT.stream().anyMatch(c -> c.isAssignableFrom(type))
                    || alsoTransient.stream().anyMatch(c -> c.isAssignableFrom(type)) || namedTransient(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namedTransient(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (TRANSIENT_BY_NAME.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
