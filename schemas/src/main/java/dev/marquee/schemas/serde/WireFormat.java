package dev.marquee.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** Confluent's wire format: byte 0x00, the 4-byte big-endian schema id, then Avro binary. */
final class WireFormat {

    static final byte MAGIC_BYTE = 0x0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /** The schema id of a serialized value, after checking it is in this format. */
    static int schemaId(byte[] bytes) {
        if (bytes.length < HEADER_SIZE) {
            throw new SerializationException("Not in the Confluent Avro wire format: %d bytes are fewer than the %d-byte header"
                    .formatted(bytes.length, HEADER_SIZE));
        }
        if (bytes[0] != MAGIC_BYTE) {
            throw new SerializationException(("Unknown magic byte 0x%02x: expected 0x00 (Confluent Avro wire format); "
                    + "was this written by another serializer?").formatted(bytes[0]));
        }
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }
}
