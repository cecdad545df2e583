package dev.marquee.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.LoggerFactory;

/**
 * One named daemon thread running one periodic chore (refreshing revocations, flushing deferred rate-limit tokens).
 * Deliberately not a {@link ScheduledExecutorService} bean: Spring's {@code @Scheduled} takes a context's only
 * {@code ScheduledExecutorService} bean as its scheduler, which put the expiry worker's sweeps and outbox relay on
 * the token-revocation thread (a slow sweep then delayed revocations, and the other way round).
 */
public final class BackgroundSchedule implements AutoCloseable {

    private final ScheduledExecutorService executor;

    private BackgroundSchedule(String threadName) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code chore} every {@code every} (after the previous run ended) on its own thread; a failure is logged. */
    public static BackgroundSchedule every(Duration every, String threadName, Runnable chore) {
        BackgroundSchedule schedule = new BackgroundSchedule(threadName);
        schedule.executor.scheduleWithFixedDelay(() -> {
            try {
                chore.run();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(BackgroundSchedule.class).warn("{}: the chore failed, tried again in {}",
                        threadName, every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return schedule;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
