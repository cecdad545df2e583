package dev.marquee.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Debezium reaches the database's binlog ({@code marquee.cdc.*}): a dedicated least-privilege replication user.
 *
 * @param hostname the database's host
 * @param port     the database's port
 * @param database the schema whose {@code outbox} table is relayed
 * @param user     the replication user (REPLICATION SLAVE, REPLICATION CLIENT, BINLOG MONITOR, SELECT)
 * @param password its password
 */
@ConfigurationProperties("marquee.cdc")
public record CdcProperties(String hostname, int port, String database, String user, String password) {
}
