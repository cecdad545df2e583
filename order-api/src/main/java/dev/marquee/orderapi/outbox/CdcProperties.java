package dev.marquee.orderapi.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How Debezium reaches the database's binlog: a dedicated least-privilege replication user. */
@ConfigurationProperties("marquee.cdc")
public record CdcProperties(String hostname, int port, String database, String user, String password) {
}
