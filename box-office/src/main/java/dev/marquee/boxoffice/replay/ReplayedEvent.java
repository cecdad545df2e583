package dev.marquee.boxoffice.replay;

import java.time.Instant;

import org.apache.avro.generic.IndexedRecord;

/**
 * One record of a replay: where it sits, its key and Kafka timestamp, and the decoded event (the generated class
 * when this build has it, else a generic record), or null with {@code error} saying why it could not be decoded
 * (or null and no error for a tombstone).
 */
public record ReplayedEvent(String topic, int partition, long offset, Instant timestamp, String key,
                            IndexedRecord event, String error) {

    /** The event's Avro type name ({@code OrderPaid}), or null. */
    public String type() {
        return event == null ? null : event.getSchema().getName();
    }
}
