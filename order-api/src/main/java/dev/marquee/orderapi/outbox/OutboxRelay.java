package dev.marquee.orderapi.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Relays outbox rows to Kafka: Debezium's embedded engine reads them from the binlog, and a batch's offsets are
 * committed only after Kafka acknowledged every record of it. After a crash the engine re-delivers at most the
 * unacknowledged batch (at-least-once); every consumer is idempotent on the event id. A failed engine is
 * restarted after a delay.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Properties config;
    private final KafkaTemplate<String, byte[]> kafka;
    private final long restartDelayMillis;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "outbox-relay-restart"));
    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile boolean running;

    OutboxRelay(Properties config, KafkaTemplate<String, byte[]> kafka, long restartDelayMillis) {
        this.config = config;
        this.kafka = kafka;
        this.restartDelayMillis = restartDelayMillis;
    }

    @Override
    public synchronized void start() {
        running = true;
        launch();
    }

    private synchronized void launch() {
        if (!running) {
            return;
        }
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(config)
                .notifying(this::relay)
                .using((success, message, error) -> completed(success, message, error))
                .build();
        runner.execute(engine);
        log.info("outbox relay started (table {})", config.getProperty("table.include.list"));
    }

    private void completed(boolean success, String message, Throwable error) {
        if (!running) {
            return;
        }
        log.error("outbox relay stopped ({}); restarting in {} ms", message, restartDelayMillis, error);
        restarts.schedule(this::launch, restartDelayMillis, TimeUnit.MILLISECONDS);
    }

    private void relay(List<RecordChangeEvent<SourceRecord>> batch,
                       DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> change : batch) {
            SourceRecord record = change.record();
            if (record.value() != null) {
                sends.add(kafka.send(toKafka(record)));
            }
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge an outbox batch; it will be re-sent", e);
        }
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

    @Override
    public synchronized void stop() {
        running = false;
        restarts.shutdownNow();
        try {
            if (engine != null) {
                engine.close();
            }
            runner.shutdown();
            if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("outbox relay did not stop within 30 s");
            }
        } catch (Exception e) {
            log.warn("outbox relay did not stop cleanly: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after everything else (the database is migrated), stops first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
