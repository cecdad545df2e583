package dev.marquee.boxoffice.replay;

import java.io.IOException;

/** Where replayed events go, one at a time, in each partition's order (partitions interleave). */
public interface ReplaySink {

    void accept(ReplayedEvent event) throws IOException;

    /**
     * Whether events of this Avro type ({@code OrderPaid}) are wanted at all: once the replay has met a schema, it
     * passes over the records of unwanted types without decoding them.
     */
    default boolean wants(String type) {
        return true;
    }

    /** Called once after the last event (flush what is buffered). */
    default void finish() throws IOException {
    }
}
