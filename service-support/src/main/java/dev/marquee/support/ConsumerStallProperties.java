package dev.marquee.support;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.consumer-stall.*}.
 *
 * @param checkInterval how often each service looks at its consumer groups' offsets for the stall gauge
 */
@ConfigurationProperties("marquee.consumer-stall")
public record ConsumerStallProperties(@DefaultValue("5s") Duration checkInterval) {
}
