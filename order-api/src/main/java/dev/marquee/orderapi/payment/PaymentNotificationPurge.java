package dev.marquee.orderapi.payment;

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
 * Deletes acknowledged notifications older than {@code marquee.payments.notification-retention} (default 3 days),
 * in batches. {@code payment_notification} grows by one row per notification only to deduplicate: a gateway
 * resends for a day at most (Alipay: 25 hours), and a notification older than {@code max-notification-age} is
 * refused as stale before the table is read, so a purged row can never be needed. Trades and payments (the business
 * records) are not touched.
 */
@Component
class PaymentNotificationPurge implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PaymentNotificationPurge.class);

    private final RetentionPurge purge;
    private final Duration interval;

    PaymentNotificationPurge(JdbcClient jdbc, Clock clock,
                             PaymentSettings settings) {
        this.purge = new RetentionPurge(jdbc, clock, "payment_notification", "received_at",
                settings.notificationRetention(), 5_000);
        this.interval = settings.notificationPurgeInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::purge, interval, interval));
    }

    void purge() {
        RetentionPurge.Purged purged = purge.purge();
        if (purged.rows() > 0) {
            log.info("Purged {} acknowledged payment notifications received before {}", purged.rows(),
                    purged.before());
        }
    }
}
