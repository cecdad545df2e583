package dev.marquee.relay;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Elects the one outbox-relay instance that relays the outbox, however many run ({@code docker compose up --scale
 * outbox-relay=2}, a standby ready to take over): the leader holds a Redisson lock ({@code marquee:outbox-relay:leader}) that Redisson's watchdog
 * keeps alive while the process lives. The others try for it every {@code check-interval}. One thread of its own
 * does it all, on a schedule: Redisson locks belong to the thread that took them.
 * <ul>
 * <li>A leader that stops gracefully stops its engine, then lets go: a standby takes over within one interval.
 * <li>A leader that dies stops renewing: the lock lapses after Redisson's watchdog timeout
 * ({@code marquee.outbox.relay.leader-lease}, 10 s) and a standby takes over.
 * <li>A leader that finds the lock no longer its own (a missed renewal, Redis restarted) stops relaying at once and
 * stays out for three intervals, so that whoever took the lock keeps it.
 * </ul>
 * Two relays overlapping for a moment would only send some events twice, which every consumer drops; the
 * engine's offsets live in Kafka, so the new leader resumes where the old one committed.
 */
class RelayLeadership implements SmartLifecycle, HealthIndicator {

    static final String LOCK = "marquee:outbox-relay:leader";
    private static final Logger log = LoggerFactory.getLogger(RelayLeadership.class);

    private final RLock lock;
    private final OutboxRelay relay;
    private final Duration interval;
    private final ScheduledExecutorService campaign = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("outbox-relay-leadership").daemon().unstarted(r));
    private volatile boolean running;
    private volatile boolean leader;
    /** After losing the lock, this instance stands aside until then (nanoTime); only the campaign's thread uses it. */
    private long asideUntil = System.nanoTime();

    RelayLeadership(RedissonClient redisson, OutboxRelay relay, Duration interval, MeterRegistry meters) {
        this.lock = redisson.getLock(LOCK);
        this.relay = relay;
        this.interval = interval;
        Gauge.builder("marquee.outbox.relay.leader", this, l -> l.leader ? 1 : 0)
                .description("1 on the outbox-relay instance that relays the outbox; the sum over instances is 1")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (!running) {
            running = true;
            campaign.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A standby tries for the lock; the leader checks it still holds it. Never throws: the schedule would end. */
    private void tick() {
        if (!running) {
            // stopping: a tick queued behind the step-down must not take the lock again
            return;
        }
        try {
            if (!leader) {
                if (System.nanoTime() - asideUntil >= 0 && lock.tryLock(0, TimeUnit.MILLISECONDS)) {
                    leader = true;
                    log.info("this instance leads the outbox relay");
                    relay.start();
                }
            } else if (!held()) {
                log.warn("outbox relay leadership lost (the lock is no longer this instance's); stopping the relay");
                relay.stop();
                leader = false;
                asideUntil = System.nanoTime() + interval.multipliedBy(3).toNanos();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("outbox relay leadership: {}; trying again", e.toString());
        }
    }

    private boolean held() {
        try {
            return lock.isHeldByCurrentThread();
        } catch (RuntimeException e) {
            // Redis unreachable: keep relaying until the lock can be checked; the watchdog cannot renew either,
            // so a successor can only take over once Redis answers again, and then this leader finds out
            log.warn("cannot check the outbox relay lock: {}", e.toString());
            return true;
        }
    }

    /**
     * Stops the relay and lets go of the lock, on the campaign's thread (the lock's owner), so that a standby takes
     * over at once; at JVM exit Redis may already be going away, and then the lock lapses with the watchdog.
     */
    @Override
    public void stop() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        try {
            campaign.submit(this::stepDown).get(40, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("outbox relay did not step down cleanly: {}", e.toString());
        } finally {
            campaign.shutdownNow();
            relay.close();
        }
    }

    private void stepDown() {
        if (!leader) {
            return;
        }
        relay.stop();
        leader = false;
        try {
            lock.unlockAsync(Thread.currentThread().threadId()).toCompletableFuture().get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("could not release the outbox relay lock ({}); it lapses by itself", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after everything else, stops first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /**
     * A standby is up (it is ready to take over); the leader is up while its engine relays ({@link OutboxRelay#health}):
     * a relay that cannot sign in to the binlog (a wrong CDC password) or reach Kafka says so here, not healthy while
     * relaying nothing.
     */
    @Override
    public Health health() {
        if (!leader) {
            return Health.up().withDetail("role", "standby").build();
        }
        Health relaying = relay.health();
        return Health.status(relaying.getStatus()).withDetail("role", "leader").withDetails(relaying.getDetails()).build();
    }
}
