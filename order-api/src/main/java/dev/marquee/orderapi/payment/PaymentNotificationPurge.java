package dev.marquee.orderapi.payment;

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
 * Deletes acknowledged notifications older than {@code marquee.payments.notification-retention} (default 3 days),
 * in batches. {@code payment_notification} grows by one row per notification only to deduplicate: a gateway
 * resends for a day at most (Alipay: 25 hours), and a notification older than {@code max-notification-age} is
 * refused as stale before the table is read, so a purged row can never be needed. Trades and payments (the business
 * records) are not touched.
 */
@Component
class PaymentNotificationPurge {

    private static final Logger log = LoggerFactory.getLogger(PaymentNotificationPurge.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    PaymentNotificationPurge(JdbcClient jdbc, Clock clock,
                             @Value("${marquee.payments.notification-retention:3d}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${marquee.payments.notification-purge-interval:1h}",
            initialDelayString = "${marquee.payments.notification-purge-interval:1h}")
    void purge() {
        Timestamp before = Timestamp.from(clock.instant().minus(retention));
        long purged = 0;
        int deleted;
        do {
            deleted = jdbc.sql("DELETE FROM payment_notification WHERE received_at < ? LIMIT " + BATCH)
                    .param(before).update();
            purged += deleted;
        } while (deleted == BATCH);
        if (purged > 0) {
            log.info("Purged {} acknowledged payment notifications received before {}", purged, before.toInstant());
        }
    }
}
