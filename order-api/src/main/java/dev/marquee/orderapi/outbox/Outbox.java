package dev.marquee.orderapi.outbox;

import java.sql.Timestamp;
import java.time.Clock;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends an event to the outbox table in the caller's transaction. The payload is already in the Confluent Avro
 * wire format, so the relay forwards bytes without decoding them.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final Serializer<Object> serializer;
    private final Clock clock;

    Outbox(JdbcClient jdbc, OutboxSerializer serializer, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer.serializer();
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, String eventId, SpecificRecord event) {
        byte[] payload = serializer.serialize(topic, event);
        jdbc.sql("INSERT INTO outbox (id, topic, aggregateid, type, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .param(eventId)
                .param(topic)
                .param(key)
                .param(event.getSchema().getName())
                .param(payload)
                .param(Timestamp.from(clock.instant()))
                .update();
    }
}
