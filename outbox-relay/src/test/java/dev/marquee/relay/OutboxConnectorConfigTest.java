package dev.marquee.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The engine's settings come from the relay's properties, in the units and names Debezium 3.5 reads. */
class OutboxConnectorConfigTest {

    private static final CdcProperties CDC = new CdcProperties("db.example", 3306, "marquee", "marquee_cdc", "s3cret");

    @Test
    void theQueueSettingsAreTheRelaysOwn() {
        Properties engine = OutboxConnectorConfig.of(CDC, relay(Duration.ofMillis(20), 16, Duration.ofSeconds(1)),
                "kafka:9092", 3);

        assertThat(engine.getProperty("poll.interval.ms")).isEqualTo("20");
        assertThat(engine.getProperty("max.batch.size")).isEqualTo("16");
        assertThat(engine.getProperty("offset.flush.interval.ms")).isEqualTo("1000");
        // Debezium refuses a queue no larger than a batch; its default (8192) is left alone
        assertThat(engine.getProperty("max.queue.size")).isNull();
    }

    @Test
    void otherValuesReachTheEngineUnchanged() {
        Properties engine = OutboxConnectorConfig.of(CDC, relay(Duration.ofMillis(5), 256, Duration.ofSeconds(10)),
                "kafka:9092", 3);

        assertThat(engine.getProperty("poll.interval.ms")).isEqualTo("5");
        assertThat(engine.getProperty("max.batch.size")).isEqualTo("256");
        assertThat(engine.getProperty("offset.flush.interval.ms")).isEqualTo("10000");
        assertThat(engine.getProperty("offset.storage.replication.factor")).isEqualTo("3");
    }

    @Test
    void theConnectorReadsOnlyTheOutboxWithTheCdcAccount() {
        Properties engine = OutboxConnectorConfig.of(CDC, relay(Duration.ofMillis(20), 16, Duration.ofSeconds(1)),
                "kafka:9092", 1);

        assertThat(engine.getProperty("database.hostname")).isEqualTo("db.example");
        assertThat(engine.getProperty("database.user")).isEqualTo("marquee_cdc");
        assertThat(engine.getProperty("database.password")).isEqualTo("s3cret");
        assertThat(engine.getProperty("table.include.list")).isEqualTo("marquee.outbox");
        assertThat(engine.getProperty("topic.prefix")).isEqualTo(OutboxConnectorConfig.TOPIC_PREFIX);
        assertThat(engine.getProperty("schema.history.internal.kafka.bootstrap.servers")).isEqualTo("kafka:9092");
    }

    private static OutboxRelayProperties relay(Duration poll, int batch, Duration flush) {
        return new OutboxRelayProperties(5501, poll, batch, flush, "offsets", "history", Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(10));
    }
}
