package dev.marquee.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seat limits of an order ({@code marquee.orders.*}), the same for order-api (which refuses at the edge) and the
 * allocator (which decides).
 *
 * @param maxSeats            seats in one order
 * @param maxSeatsPerCustomer seats one customer may hold or have bought of one screening (allocator)
 */
@ConfigurationProperties("marquee.orders")
public record OrderLimitProperties(@DefaultValue("6") int maxSeats, @DefaultValue("10") int maxSeatsPerCustomer) {
}
