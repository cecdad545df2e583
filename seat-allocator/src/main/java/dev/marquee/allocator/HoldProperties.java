package dev.marquee.allocator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.hold.*}.
 *
 * @param duration how long held seats wait for payment; the deadline is fixed when the seats are held
 */
@ConfigurationProperties("marquee.hold")
record HoldProperties(@DefaultValue("15m") Duration duration) {
}
