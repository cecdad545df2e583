package dev.marquee.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.demo-data}.
 *
 * @param demoData seed the demo catalog (order-api) and each service's copy of it (allocator, box office)
 */
@ConfigurationProperties("marquee")
public record DemoDataProperties(@DefaultValue("false") boolean demoData) {
}
