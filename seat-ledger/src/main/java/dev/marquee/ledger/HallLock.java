package dev.marquee.ledger;

import java.time.Duration;
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

    public HallLock(RedissonClient redisson, Duration wait, Duration lease) {
        this.redisson = redisson;
        this.wait = wait;
        this.lease = lease;
    }

    /** Runs {@code work} while holding the hall's lock, releasing it in every case. */
    public <T> T runLocked(long hallId, Function<FencingToken, T> work) {
        RFencedLock lock = redisson.getFencedLock("marquee:hall-lock:" + hallId);
        Long token = acquire(lock);
        if (token == null) {
            throw new HallBusyException(hallId, wait);
        }
        try {
            return work.apply(new FencingToken(hallId, token));
        } finally {
            release(lock, hallId);
        }
    }

    private Long acquire(RFencedLock lock) {
        try {
            return lock.tryLockAndGetToken(wait.toMillis(), lease.toMillis(), TimeUnit.MILLISECONDS);
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
