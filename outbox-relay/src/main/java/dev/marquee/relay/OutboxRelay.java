package dev.marquee.relay;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Relays outbox rows to Kafka: Debezium's embedded engine reads them from the binlog, and a batch's offsets are
 * committed only after Kafka acknowledged every record of it ({@link OutboxForwarding}). After a crash the engine re-delivers at most the
 * unacknowledged batch (at-least-once); every consumer is idempotent on the event id. A failed engine is
 * restarted after a delay. {@link RelayLeadership} starts and stops it: only the leader of the outbox-relay
 * instances relays.
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Properties config;
    private final OutboxForwarding forwarding;
    private final long restartDelayMillis;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "outbox-relay-restart"));
    private final BinlogConnection binlog = new BinlogConnection(OutboxConnectorConfig.TOPIC_PREFIX);
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private Future<?> engineRun;
    private volatile boolean relaying;
    private volatile State state = State.STOPPED;

    /** What the engine does: stopped (standby), starting (connecting, snapshot), running, or waiting to restart. */
    enum State { STOPPED, STARTING, RUNNING, RESTARTING }

    OutboxRelay(Properties config, KafkaTemplate<String, byte[]> kafka, long restartDelayMillis) {
        this(config, kafka, restartDelayMillis, RelayLag.NONE);
    }

    OutboxRelay(Properties config, KafkaTemplate<String, byte[]> kafka, long restartDelayMillis, RelayLag lag) {
        this.config = config;
        this.forwarding = new OutboxForwarding(kafka, lag);
        this.restartDelayMillis = restartDelayMillis;
    }

    /** Starts relaying (from the offsets stored in Kafka); restarts the engine after failures until stopped. */
    public synchronized void start() {
        relaying = true;
        launch();
    }

    private synchronized void launch() {
        if (!relaying || engineRun != null && !engineRun.isDone()) {
            return;
        }
        state = State.STARTING;
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(config)
                .notifying(forwarding)
                .using((success, message, error) -> completed(success, message, error))
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        // the connector connected and checked the database; it snapshots, then follows the binlog
                        state = State.RUNNING;
                    }
                })
                .build();
        engineRun = runner.submit(engine);
        log.info("outbox relay started (table {})", config.getProperty("table.include.list"));
    }

    private void completed(boolean success, String message, Throwable error) {
        if (!relaying) {
            return;
        }
        state = State.RESTARTING;
        log.error("outbox relay stopped ({}); restarting in {} ms", message, restartDelayMillis, error);
        restarts.schedule(this::launch, restartDelayMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops relaying and waits (up to 30 s) until the engine has stopped, so that a successor never reads the
     * binlog beside it; the last batch's offsets are committed if Kafka acknowledged it.
     */
    public synchronized void stop() {
        relaying = false;
        try {
            if (engine != null) {
                engine.close();
            }
            if (engineRun != null) {
                engineRun.get(30, TimeUnit.SECONDS);
            }
            log.info("outbox relay stopped");
        } catch (TimeoutException e) {
            log.warn("outbox relay did not stop within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("outbox relay did not stop cleanly: {}", e.toString());
        } finally {
            engine = null;
            engineRun = null;
            state = State.STOPPED;
        }
    }

    public boolean isRelaying() {
        return relaying;
    }

    State state() {
        return state;
    }

    /**
     * The leader's health: up while its engine runs and (once Debezium says) its binlog client is connected; down
     * while it starts, waits to restart after a failure (its log says which), or has lost the database. The details
     * (public, like every service's health) name states only, never the failure's message.
     */
    Health health() {
        State now = state;
        Optional<Boolean> connected = now == State.RUNNING ? binlog.connected() : Optional.empty();
        Health.Builder health = now == State.RUNNING && connected.orElse(true) ? Health.up() : Health.down();
        health.withDetail("relay", now.name().toLowerCase(Locale.ROOT));
        connected.ifPresent(c -> health.withDetail("binlog", c ? "connected" : "disconnected"));
        return health.build();
    }

    @Override
    public void close() {
        stop();
        restarts.shutdownNow();
        runner.shutdownNow();
    }
}
