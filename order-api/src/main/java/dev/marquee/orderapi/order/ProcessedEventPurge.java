package dev.marquee.orderapi.order;

import java.time.Clock;
import java.time.Duration;

import dev.marquee.orderapi.persistence.RetentionPurge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes {@link ProcessedEvents} rows older than {@code marquee.processed-events.retention} (default 7 days), in
 * batches of {@code marquee.processed-events.purge-batch}. A row only has to outlive the window in which its event
 * can be delivered again (a redelivery after a crash or a rebalance, a producer's resend: minutes), so a week is
 * ample; past it, an event read again would meet an order that already holds its fact, and the order's state machine
 * makes a repeat change nothing. Without this the table grows by a row per event for ever.
 */
@Component
class ProcessedEventPurge implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventPurge.class);

    private final RetentionPurge purge;
    private final Duration interval;

    ProcessedEventPurge(JdbcClient jdbc, Clock clock,
                        ProcessedEventProperties properties) {
        this.purge = new RetentionPurge(jdbc, clock, "processed_event", "processed_at", properties.retention(),
                properties.purgeBatch());
        this.interval = properties.purgeInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::purge, interval, interval));
    }

    /** @return how many rows were deleted */
    long purge() {
        RetentionPurge.Purged purged = purge.purge();
        if (purged.rows() > 0) {
            log.info("Purged {} processed-event ids recorded before {}", purged.rows(), purged.before());
        }
        return purged.rows();
    }
}
