package dev.marquee.orderapi.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * order-api's own {@code marquee.orders.*} (the seat limits, which the allocator reads too, are
 * {@link dev.marquee.support.OrderLimitProperties}).
 *
 * @param idempotencyTtl           how long an {@code Idempotency-Key} is remembered
 * @param idempotencyPurgeInterval how often expired idempotency keys are deleted
 * @param gaugeInterval            how often the orders per state are counted from the database for the gauge
 */
@ConfigurationProperties("marquee.orders")
record OrderProperties(@DefaultValue("24h") Duration idempotencyTtl,
                       @DefaultValue("1h") Duration idempotencyPurgeInterval,
                       @DefaultValue("15s") Duration gaugeInterval) {
}
