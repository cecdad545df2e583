package dev.marquee.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.topics.*}: how the services create the topics they write or read (every service declares its own).
 *
 * @param partitions        partitions of each event topic; caps the instances of a consumer group that get work
 * @param replicationFactor replicas of each topic (and of the relay's offsets and schema-history topics)
 */
@ConfigurationProperties("marquee.topics")
public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor) {
}
