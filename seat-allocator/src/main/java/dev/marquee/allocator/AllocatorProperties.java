package dev.marquee.allocator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.allocator.*}.
 *
 * @param hallViews halls whose seat claims the allocator keeps in memory (most recently used); others are read again
 *                  from the database
 */
@ConfigurationProperties("marquee.allocator")
record AllocatorProperties(@DefaultValue("256") int hallViews) {
}
