package dev.marquee.orderapi.outbox;

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
 * Deletes outbox rows older than {@code marquee.outbox.retention} (default 7 days), in batches. The relay reads
 * the binlog, not the table, so a row's deletion never loses its event (the relay passes deletes over); the rows
 * are kept a while only so that an operator can see what was written. Without this the table would grow by one
 * row per event forever, and a relay started without offsets would snapshot all of it again.
 */
@Component
class OutboxPurge implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxPurge.class);

    private final RetentionPurge purge;
    private final Duration interval;

    OutboxPurge(JdbcClient jdbc, Clock clock, OutboxProperties properties) {
        this.purge = new RetentionPurge(jdbc, clock, "outbox", "created_at", properties.retention(), 5_000);
        this.interval = properties.purgeInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::purge, interval, interval));
    }

    void purge() {
        RetentionPurge.Purged purged = purge.purge();
        if (purged.rows() > 0) {
            log.info("Purged {} outbox rows written before {}", purged.rows(), purged.before());
        }
    }
}
