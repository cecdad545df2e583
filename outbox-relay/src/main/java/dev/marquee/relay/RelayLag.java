package dev.marquee.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.marquee.schemas.serde.ConfluentAvroDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.avro.generic.GenericRecord;

/**
 * {@code marquee.outbox.relay.lag}: from an event's {@code occurredAt} (every Marquee event has one; for an
 * OrderRequested it is the order's acceptance, committed with its outbox row) to Kafka's acknowledgement of the
 * relayed copy. The payload is decoded generically, with the writer schema from the registry (fetched once per
 * schema id), on a thread of its own, at the lowest priority, that drops what it cannot keep up with: measuring
 * never slows the relay, which keeps forwarding bytes untouched, nor stalls it while the registry is away.
 */
class RelayLag {

    static final RelayLag NONE = new RelayLag(null, null);

    private final ConfluentAvroDeserializer events;
    private final Timer lag;
    private final ThreadPoolExecutor measurer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), r -> Thread.ofPlatform().name("outbox-relay-lag").daemon()
                    .priority(Thread.MIN_PRIORITY).unstarted(r), new ThreadPoolExecutor.DiscardPolicy());

    private RelayLag(ConfluentAvroDeserializer events, Timer lag) {
        this.events = events;
        this.lag = lag;
    }

    static RelayLag measured(String registryUrl, MeterRegistry meters) {
        ConfluentAvroDeserializer events = new ConfluentAvroDeserializer();
        events.configure(Map.of("schema.registry.url", registryUrl, "marquee.schema.registry.patience.ms", 0), false);
        return new RelayLag(events, Timer.builder("marquee.outbox.relay.lag")
                .description("an event's occurrence to Kafka's ack of its relayed copy")
                .publishPercentileHistogram().register(meters));
    }

    void relayed(String topic, byte[] payload, Instant acknowledged) {
        if (lag != null) {
            measurer.execute(() -> measure(topic, payload, acknowledged));
        }
    }

    private void measure(String topic, byte[] payload, Instant acknowledged) {
        try {
            if (events.deserialize(topic, payload) instanceof GenericRecord event && event.hasField("occurredAt")
                    && event.get("occurredAt") instanceof Long millis) {
                lag.record(Duration.between(Instant.ofEpochMilli(millis), acknowledged));
            }
        } catch (RuntimeException e) {
            // not a Marquee event, or its schema cannot be had: it was relayed all the same, only not measured
        }
    }
}
