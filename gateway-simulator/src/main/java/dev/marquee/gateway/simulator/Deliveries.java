package dev.marquee.gateway.simulator;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notices to merchants and resends the unacknowledged ones on the resend schedule until it runs out. A
 * delivery is pending from {@link #register} until it is acknowledged or abandoned, so {@link #awaitQuiet} also
 * waits for deliveries that are only planned.
 */
final class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final HttpClient client;
    private final Executor callbackThreads;
    private final ScheduledExecutorService scheduler;
    private final SimulatorSettings settings;
    private final Clock clock;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answeredSuccess = new AtomicLong();
    private final AtomicLong answeredOther = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final Object quiet = new Object();
    private long pending;

    Deliveries(HttpClient client, Executor callbackThreads, ScheduledExecutorService scheduler,
            SimulatorSettings settings, Clock clock) {
        this.client = client;
        this.callbackThreads = callbackThreads;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts the delivery as pending; nothing is sent before {@link #start}. */
    Delivery register(CallbackFormat format, Notice notice, Runnable andThen) {
        synchronized (quiet) {
            pending++;
        }
        return new Delivery(format, notice, andThen);
    }

    /** Makes the first try after the (unscaled) delay. */
    void start(Delivery delivery, Duration delay) {
        later(delivery, settings.scaled(delay));
    }

    DeliveryStats stats() {
        synchronized (quiet) {
            return new DeliveryStats(sent.get(), answeredSuccess.get(), answeredOther.get(), failed.get(),
                    abandoned.get(), pending);
        }
    }

    boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (quiet) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(quiet, left);
            }
            return true;
        }
    }

    private void later(Delivery delivery, Duration delay) {
        try {
            scheduler.schedule(() -> attempt(delivery), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            log.debug("simulator closed; dropping {}", delivery);
        }
    }

    private void attempt(Delivery delivery) {
        int tries = delivery.tried();
        sent.incrementAndGet();
        CompletableFuture<HttpResponse<String>> answer;
        try {
            answer = client.sendAsync(delivery.format().request(delivery.notice(), clock.instant()),
                    HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenCompleteAsync((response, error) -> {
            if (error == null && delivery.format().acknowledged(response)) {
                answeredSuccess.incrementAndGet();
                done(delivery);
            } else {
                (error == null ? answeredOther : failed).incrementAndGet();
                log.debug("try {} of {} not acknowledged: {}", tries, delivery,
                        error == null ? response.statusCode() + " " + response.body() : error.toString());
                retry(delivery, tries);
            }
        }, callbackThreads);
    }

    private void retry(Delivery delivery, int tries) {
        List<Duration> schedule = settings.resendSchedule();
        if (tries <= schedule.size()) {
            later(delivery, settings.scaled(schedule.get(tries - 1)));
        } else {
            abandoned.incrementAndGet();
            log.warn("gave up on {} after {} tries", delivery, tries);
            done(delivery);
        }
    }

    private void done(Delivery delivery) {
        try {
            delivery.andThen();
        } finally {
            synchronized (quiet) {
                pending--;
                quiet.notifyAll();
            }
        }
    }
}
