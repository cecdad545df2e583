package dev.marquee.orderapi.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes {@link ProcessedEvents} rows older than {@code marquee.processed-events.retention} (default 7 days), in
 * batches of {@code marquee.processed-events.purge-batch}. A row only has to outlive the window in which its event
 * can be delivered again (a redelivery after a crash or a rebalance, a producer's resend: minutes), so a week is
 * ample; past it, an event read again would meet an order that already holds its fact, and the order's state machine
 * makes a repeat change nothing. Without this the table grows by a row per event for ever.
 */
@Component
class ProcessedEventPurge {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventPurge.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final int batch;

    ProcessedEventPurge(JdbcClient jdbc, Clock clock,
                        @Value("${marquee.processed-events.retention:7d}") Duration retention,
                        @Value("${marquee.processed-events.purge-batch:5000}") int batch) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.batch = batch;
    }

    /**
     * Each batch is its own short statement, so the purge never holds many locks against the listeners.
     *
     * @return how many rows were deleted
     */
    @Scheduled(fixedDelayString = "${marquee.processed-events.purge-interval:10m}",
            initialDelayString = "${marquee.processed-events.purge-interval:10m}")
    long purge() {
        Timestamp before = Timestamp.from(clock.instant().minus(retention));
        long purged = 0;
        int deleted;
        do {
            deleted = jdbc.sql("DELETE FROM processed_event WHERE processed_at < ? ORDER BY processed_at LIMIT "
                    + batch).param(before).update();
            purged += deleted;
        } while (deleted == batch);
        if (purged > 0) {
            log.info("Purged {} processed-event ids recorded before {}", purged, before.toInstant());
        }
        return purged;
    }
}
