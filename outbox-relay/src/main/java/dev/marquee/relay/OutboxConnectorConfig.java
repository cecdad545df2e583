package dev.marquee.relay;

import java.util.Properties;

/**
 * The Debezium embedded engine's configuration: the MariaDB connector on the outbox table only, routed by the
 * outbox EventRouter (topic column → Kafka topic, aggregateid → key, payload → value, id and type → headers).
 */
final class OutboxConnectorConfig {

    /** The connector's logical name: Debezium's metrics (JMX) are registered under it. */
    static final String TOPIC_PREFIX = "marquee";

    private OutboxConnectorConfig() {
    }

    static Properties of(CdcProperties cdc, OutboxRelayProperties relay, String bootstrapServers, int replication) {
        Properties p = new Properties();
        p.setProperty("name", "marquee-outbox-relay");
        p.setProperty("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        p.setProperty("database.hostname", cdc.hostname());
        p.setProperty("database.port", Integer.toString(cdc.port()));
        p.setProperty("database.user", cdc.user());
        p.setProperty("database.password", cdc.password() == null ? "" : cdc.password());
        p.setProperty("database.server.id", Integer.toString(relay.serverId()));
        p.setProperty("topic.prefix", TOPIC_PREFIX);
        p.setProperty("database.include.list", cdc.database());
        p.setProperty("table.include.list", cdc.database() + ".outbox");
        p.setProperty("snapshot.mode", "initial");
        p.setProperty("snapshot.locking.mode", "none");
        p.setProperty("include.schema.changes", "false");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("binary.handling.mode", "bytes");
        // a batch goes when it is full or when the interval has passed (see OutboxRelayProperties)
        p.setProperty("poll.interval.ms", Long.toString(relay.pollInterval().toMillis()));
        p.setProperty("max.batch.size", Integer.toString(relay.maxBatchSize()));
        // the binlog client notices a lost connection (the database restarted) and reconnects on this beat: by
        // default once a minute, a minute in which every order taken waits in the outbox
        p.setProperty("connect.keep.alive.interval.ms", "2000");
        p.setProperty("bootstrap.servers", bootstrapServers);
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        p.setProperty("offset.storage.topic", relay.offsetsTopic());
        p.setProperty("offset.storage.partitions", "1");
        p.setProperty("offset.storage.replication.factor", Integer.toString(replication));
        // checked when a batch is done (never while idle): at most one write to the offsets topic per interval
        p.setProperty("offset.flush.interval.ms", Long.toString(relay.offsetFlushInterval().toMillis()));
        p.setProperty("schema.history.internal", "io.debezium.storage.kafka.history.KafkaSchemaHistory");
        p.setProperty("schema.history.internal.kafka.topic", relay.schemaHistoryTopic());
        p.setProperty("schema.history.internal.kafka.bootstrap.servers", bootstrapServers);
        p.setProperty("schema.history.internal.store.only.captured.tables.ddl", "true");
        p.setProperty("transforms", "outbox");
        p.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        p.setProperty("transforms.outbox.route.by.field", "topic");
        p.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
        p.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
        p.setProperty("transforms.outbox.table.field.event.payload", "payload");
        p.setProperty("transforms.outbox.table.fields.additional.placement", "type:header:eventType");
        return p;
    }
}
