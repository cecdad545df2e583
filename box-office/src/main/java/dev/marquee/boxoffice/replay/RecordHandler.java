package dev.marquee.boxoffice.replay;

import java.io.IOException;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What becomes of each record of a replay's window. */
interface RecordHandler extends AutoCloseable {

    /** Decodes the records for a sink, or folds the sale events straight into a rankings sink's tally. */
    static RecordHandler of(ReplaySink sink, String registryUrl) {
        return sink instanceof RankingsSink rankings ? new SaleFolding(rankings, registryUrl)
                : new FullDecoding(sink, registryUrl);
    }

    void handle(ConsumerRecord<String, byte[]> record) throws IOException;

    long undecodable();

    @Override
    void close();
}
