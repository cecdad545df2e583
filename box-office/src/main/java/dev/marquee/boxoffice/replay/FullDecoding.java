package dev.marquee.boxoffice.replay;

import java.io.IOException;
import java.time.Instant;

import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes each record in full for a sink; once a schema has been met, the records of types the sink does not want
 * are passed over undecoded. A record that cannot be decoded goes to the sink with the reason.
 */
final class FullDecoding implements RecordHandler {

    private final EventDecoder decoder;
    private final ReplaySink sink;
    private long undecodable;

    FullDecoding(ReplaySink sink, String registryUrl) {
        this.sink = sink;
        this.decoder = new EventDecoder(registryUrl);
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) throws IOException {
        String type = record.value() == null ? null : decoder.knownType(record.value());
        if (type != null && !sink.wants(type)) {
            return;
        }
        IndexedRecord event = null;
        String error = null;
        if (record.value() != null) {
            try {
                event = decoder.decode(record.topic(), record.value());
            } catch (SerializationException e) {
                error = e.getMessage();
                undecodable++;
            }
        }
        sink.accept(new ReplayedEvent(record.topic(), record.partition(), record.offset(),
                record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()), record.key(), event, error));
    }

    @Override
    public long undecodable() {
        return undecodable;
    }

    @Override
    public void close() {
        decoder.close();
    }
}
