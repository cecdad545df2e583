package dev.marquee.relay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * One batch of outbox rows, as Debezium's EventRouter made them (topic, key = aggregateid, value = the payload's
 * bytes, headers id and eventType), sent to Kafka as they are; the batch's binlog positions are marked processed
 * only once Kafka acknowledged all of it. A batch Kafka refused fails the engine, which starts again from the last
 * committed position: at-least-once, and every consumer drops an event id it has seen.
 */
final class OutboxForwarding implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private final KafkaTemplate<String, byte[]> kafka;
    private final RelayLag lag;

    OutboxForwarding(KafkaTemplate<String, byte[]> kafka, RelayLag lag) {
        this.kafka = kafka;
        this.lag = lag;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> batch,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(batch.size());
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> change : batch) {
            SourceRecord record = change.record();
            if (record.value() != null) {
                ProducerRecord<String, byte[]> out = toKafka(record);
                records.add(out);
                sends.add(kafka.send(out));
            }
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge an outbox batch; it will be re-sent", e);
        }
        Instant acknowledged = Instant.now();
        records.forEach(record -> lag.relayed(record.topic(), record.value(), acknowledged));
        for (RecordChangeEvent<SourceRecord> change : batch) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
    }

    private static ProducerRecord<String, byte[]> toKafka(SourceRecord record) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(record.topic(), String.valueOf(record.key()),
                bytes(record.value()));
        for (Header header : record.headers()) {
            String name = "id".equals(header.key()) ? "eventId" : header.key();
            out.headers().add(name, String.valueOf(header.value()).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] array) {
            return array;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] array = new byte[buffer.remaining()];
        buffer.get(array);
        return array;
    }
}
