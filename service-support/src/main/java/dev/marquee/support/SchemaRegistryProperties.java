package dev.marquee.support;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code marquee.schema-registry.*}.
 *
 * @param url the Confluent-compatible schema registry the Avro serializers register and look up schemas in
 */
@ConfigurationProperties("marquee.schema-registry")
public record SchemaRegistryProperties(String url) {
}
