package dev.marquee.orderapi.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.outbox.*} of order-api, which owns the outbox table (the outbox-relay service reads it from the
 * binlog and has settings of its own, {@code marquee.outbox.relay.*}).
 *
 * @param retention     outbox rows older than this are deleted, in batches; the relay reads the binlog, so this loses
 *                      nothing
 * @param purgeInterval how often the purge runs
 */
@ConfigurationProperties("marquee.outbox")
record OutboxProperties(@DefaultValue("7d") Duration retention, @DefaultValue("10m") Duration purgeInterval) {
}
