package dev.marquee.orderapi.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.processed-events.*}: the ids of applied events (order-api's idempotent consumer).
 *
 * @param retention     ids older than this are deleted (redeliveries come within minutes)
 * @param purgeInterval how often the purge runs
 * @param purgeBatch    rows deleted per statement
 */
@ConfigurationProperties("marquee.processed-events")
record ProcessedEventProperties(@DefaultValue("7d") Duration retention,
                                @DefaultValue("10m") Duration purgeInterval,
                                @DefaultValue("5000") int purgeBatch) {
}
