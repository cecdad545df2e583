package dev.marquee.orderapi.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.outbox.*} besides the relay's own settings ({@link OutboxRelayProperties}).
 *
 * @param retention     outbox rows older than this are deleted, in batches; the relay reads the binlog, so this loses
 *                      nothing
 * @param purgeInterval how often the purge runs
 */
@ConfigurationProperties("marquee.outbox")
record OutboxProperties(@DefaultValue("7d") Duration retention, @DefaultValue("10m") Duration purgeInterval) {
}
