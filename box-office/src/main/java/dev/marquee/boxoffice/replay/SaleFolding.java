package dev.marquee.boxoffice.replay;

import dev.marquee.boxoffice.SaleEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Folds the sale events straight into a rankings sink's tally ({@link SaleDecoder}): the same events and the same
 * tally as decoding in full and calling {@link RankingsSink#accept}, several times faster. A record that cannot be
 * decoded is counted and passed over, as the live projection passes it over.
 */
final class SaleFolding implements RecordHandler {

    private final SaleDecoder decoder;
    private final RankingsSink sink;
    private long undecodable;

    SaleFolding(RankingsSink sink, String registryUrl) {
        this.sink = sink;
        this.decoder = new SaleDecoder(registryUrl);
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) {
        try {
            SaleEvent event = decoder.decode(record.topic(), record.value());
            if (event != null) {
                sink.apply(event);
            }
        } catch (SerializationException e) {
            undecodable++;
        }
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
