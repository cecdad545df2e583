package dev.marquee.orderapi.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.edge.*}.
 *
 * @param threadPriority the Java priority of the request threads (1-10; 5 is normal); reaches the OS only with
 *                       {@code -XX:ThreadPriorityPolicy=1}
 */
@ConfigurationProperties("marquee.edge")
record EdgeProperties(@DefaultValue("5") int threadPriority) {
}
