package dev.marquee.expiry;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.marquee.ledger.Holds;
import dev.marquee.support.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The worker's loop, every {@code marquee.expiry.sweep-interval} after the previous sweep ended: send what earlier
 * sweeps left unsent, find the halls with open lapsed holds, and visit them in random order, each under its lock
 * ({@link HallExpiry}), publishing each hall's events once its transaction committed. A hall whose lock is busy is
 * passed by until the next sweep; a hall with a full batch gets another turn after the others. Any number of
 * instances may sweep side by side: random order and the short lock wait spread the halls between them. A hall
 * whose expiry fails for good is passed by (counted in {@code marquee.expiry.halls.failed}), not the end of the
 * sweep.
 * <p>
 * On shutdown the sweep in progress finishes the hall it is in, publishes its events and stops.
 */
@Component
class ExpirySweep implements SmartLifecycle, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final Holds holds;
    private final HallExpiry halls;
    private final OutboxRelay relay;
    private final ExpiryMetrics metrics;
    private final ExpiryProperties properties;
    private final Clock clock;
    private final ReentrantLock sweeping = new ReentrantLock();
    private volatile boolean running;

    ExpirySweep(Holds holds, HallExpiry halls, OutboxRelay relay, ExpiryMetrics metrics,
                ExpiryProperties properties, Clock clock) {
        this.holds = holds;
        this.halls = halls;
        this.relay = relay;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, properties.sweepInterval(), Duration.ZERO));
    }

    void sweep() {
        if (!running || !sweeping.tryLock()) {
            return;
        }
        try {
            relay.publishPending(properties.batchSize());
            visit(new ArrayDeque<>(shuffled(holds.hallsWithLapsedHolds(clock.instant(), properties.scanLimit()))));
            relay.purgePublished(clock.instant().minus(properties.publishedRetention()));
        } catch (RuntimeException e) {
            log.warn("expiry sweep ended early, the next one resumes: {}", e.toString(), e);
        } finally {
            sweeping.unlock();
        }
    }

    private void visit(Deque<Long> queue) {
        while (running && !queue.isEmpty()) {
            long hall = queue.poll();
            Optional<HallRound> round = expire(hall);
            if (round == null) {
                continue;
            }
            if (round.isEmpty()) {
                metrics.hallBusy();
                continue;
            }
            round.get().verdicts().forEach(verdict -> metrics.decided(verdict, round.get().at()));
            relay.publish(round.get().events());
            if (round.get().full()) {
                queue.add(hall);
            }
        }
    }

    /**
     * The hall's round; empty if its lock was busy; null if its expiry failed for good (a hold whose data the
     * ledger refuses, say): that hall is passed by until the next sweep, the others go on. A transient failure
     * (the database or Redis away) ends the sweep.
     */
    private Optional<HallRound> expire(long hall) {
        try {
            return halls.expire(hall);
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            metrics.hallFailed();
            log.error("hall {}: its expiry failed for good ({}); the other halls go on, this one is tried again"
                    + " next sweep", hall, e.toString(), e);
            return null;
        }
    }

    private static List<Long> shuffled(List<Long> halls) {
        List<Long> copy = new ArrayList<>(halls);
        Collections.shuffle(copy);
        return copy;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Lets the sweep in progress finish its hall, then returns. */
    @Override
    public void stop() {
        running = false;
        try {
            if (sweeping.tryLock(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                sweeping.unlock();
            } else {
                log.warn("the expiry sweep did not finish its hall within {}", SHUTDOWN_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
