package dev.marquee.ledger;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.redisson.api.RFencedLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-hall Redisson lock. Every acquisition comes with a fencing token; the lock has a fixed lease rather
 * than a watchdog, because a lapsed lease is made harmless by {@link HallFence} at the database.
 */
public final class HallLock {

    private static final Logger log = LoggerFactory.getLogger(HallLock.class);

    private final RedissonClient redisson;
    private final Duration wait;
    private final Duration lease;
    private final LockWaits waits;

    public HallLock(RedissonClient redisson, Duration wait, Duration lease) {
        this(redisson, wait, lease, LockWaits.NONE);
    }

    public HallLock(RedissonClient redisson, Duration wait, Duration lease, LockWaits waits) {
        this.redisson = redisson;
        this.wait = wait;
        this.lease = lease;
        this.waits = waits;
    }

    /** Told how long each acquisition waited, and whether it got the lock (a metric, typically). */
    @FunctionalInterface
    public interface LockWaits {

        LockWaits NONE = (waited, acquired) -> { };

        void waited(Duration waited, boolean acquired);
    }

    /**
     * Runs {@code work} while holding the hall's lock, releasing it in every case.
     *
     * @throws HallBusyException if the lock could not be had within the configured wait
     */
    public <T> T runLocked(long hallId, Function<FencingToken, T> work) {
        RFencedLock lock = lockOf(hallId);
        Long token = acquire(lock, wait);
        if (token == null) {
            throw new HallBusyException(hallId, wait);
        }
        return runHolding(lock, new FencingToken(hallId, token), work);
    }

    /**
     * Runs {@code work} if the hall's lock can be had within {@code wait}, releasing it in every case. For workers
     * that pass a busy hall by (another instance or another writer has it) and come back to it later.
     *
     * @return what {@code work} returned; empty if the hall stayed locked (or if {@code work} returned null)
     */
    public <T> Optional<T> tryRunLocked(long hallId, Duration wait, Function<FencingToken, T> work) {
        RFencedLock lock = lockOf(hallId);
        Long token = acquire(lock, wait);
        return token == null ? Optional.empty()
                : Optional.ofNullable(runHolding(lock, new FencingToken(hallId, token), work));
    }

    private RFencedLock lockOf(long hallId) {
        return redisson.getFencedLock("marquee:hall-lock:" + hallId);
    }

    private static <T> T runHolding(RFencedLock lock, FencingToken token, Function<FencingToken, T> work) {
        try {
            return work.apply(token);
        } finally {
            release(lock, token.hallId());
        }
    }

    private Long acquire(RFencedLock lock, Duration wait) {
        long start = System.nanoTime();
        try {
            Long token = lock.tryLockAndGetToken(wait.toMillis(), lease.toMillis(), TimeUnit.MILLISECONDS);
            waits.waited(Duration.ofNanos(System.nanoTime() - start), token != null);
            return token;
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for " + lock.getName(), e);
            }
            throw e;
        }
    }

    private static void release(RFencedLock lock, long hallId) {
        try {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            } else {
                log.warn("hall {}: lock lease lapsed before release; the fence refused any late write", hallId);
            }
        } catch (RuntimeException e) {
            log.warn("hall {}: lock release failed ({}); the lease will free it", hallId, e.toString());
        }
    }
}
