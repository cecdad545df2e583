package dev.marquee.orderapi.outbox;

import java.time.Duration;
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
 * Elects the one order-api instance that relays the outbox, however many run ({@code docker compose up --scale
 * order-api=3}): the leader holds a Redisson lock ({@code marquee:outbox-relay:leader}) that Redisson's watchdog
 * keeps alive while the process lives. The others try for it every {@code check-interval}.
 * <ul>
 * <li>A leader that stops gracefully stops its engine, then lets go: a standby takes over within one interval.
 * <li>A leader that dies stops renewing: the lock lapses after Redisson's watchdog timeout (30 s) and a standby
 * takes over.
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
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean leader;

    RelayLeadership(RedissonClient redisson, OutboxRelay relay, Duration interval, MeterRegistry meters) {
        this.lock = redisson.getLock(LOCK);
        this.relay = relay;
        this.interval = interval;
        Gauge.builder("marquee.outbox.relay.leader", this, l -> l.leader ? 1 : 0)
                .description("1 on the order-api instance that relays the outbox; the sum over instances is 1")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            running = true;
            thread = Thread.ofPlatform().name("outbox-relay-leadership").daemon().start(this::campaign);
        }
    }

    /** Loops on {@code running}, not only on interrupts: Redisson's blocking calls may swallow an interrupt. */
    private void campaign() {
        while (running) {
            try {
                if (lock.tryLock(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    lead();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("outbox relay leadership: {}; trying again", e.toString());
                pause(interval);
            }
        }
    }

    /** Relays while the lock is ours; returns when it is not (or this instance stops). */
    private void lead() throws InterruptedException {
        leader = true;
        log.info("this instance leads the outbox relay");
        relay.start();
        boolean lost = false;
        try {
            while (running) {
                Thread.sleep(interval);
                if (!held()) {
                    lost = true;
                    log.warn("outbox relay leadership lost (the lock is no longer this instance's); stopping the relay");
                    break;
                }
            }
        } finally {
            relay.stop();
            leader = false;
            if (!lost) {
                release();
            }
        }
        if (lost) {
            pause(interval.multipliedBy(3));
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
     * Lets go of the lock so that a standby takes over at once, waiting at most a second: at JVM exit Redis may
     * already be going away, and then the lock simply lapses when the watchdog's timeout runs out.
     */
    private void release() {
        try {
            lock.unlockAsync(Thread.currentThread().threadId()).toCompletableFuture().get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("could not release the outbox relay lock ({}); it lapses by itself", e.toString());
        }
    }

    private void pause(Duration pause) {
        try {
            if (running) {
                Thread.sleep(pause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        Thread running;
        synchronized (this) {
            this.running = false;
            running = thread;
            thread = null;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(40));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        relay.close();
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Starts after everything else (the database is migrated), stops first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    boolean leads() {
        return leader;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("role", leader ? "leader" : "standby").build();
    }
}
