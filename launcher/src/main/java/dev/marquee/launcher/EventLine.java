package dev.marquee.launcher;

import java.time.Instant;

import org.apache.avro.generic.GenericContainer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * One event of a topic as one line of JSON: where it sits (topic, partition, offset), its key and timestamp, the
 * Avro record's type and the record itself as Avro renders it in JSON ({@code SpecificRecord.toString()}).
 */
final class EventLine {

    private static final ObjectMapper JSON = JsonMapper.builderWithJackson2Defaults().build();

    private EventLine() {
    }

    /**
     * @param timestamp the record's Kafka timestamp, epoch milliseconds; written as an ISO-8601 instant
     * @param event     the decoded record, or null for a tombstone
     */
    static String of(String topic, int partition, long offset, String key, long timestamp, GenericContainer event) {
        ObjectNode line = position(topic, partition, offset, key, timestamp);
        if (event == null) {
            line.putNull("type");
            line.putNull("event");
        } else {
            line.put("type", event.getSchema().getName());
            line.putRawValue("event", new RawValue(event.toString()));
        }
        return line.toString();
    }

    /** A record that could not be decoded: its position and why, so that one bad record does not stop a watch. */
    static String undecodable(String topic, int partition, long offset, String key, long timestamp, String error) {
        ObjectNode line = position(topic, partition, offset, key, timestamp);
        line.putNull("type");
        line.putNull("event");
        line.put("error", error);
        return line.toString();
    }

    private static ObjectNode position(String topic, int partition, long offset, String key, long timestamp) {
        ObjectNode line = JSON.createObjectNode();
        line.put("topic", topic);
        line.put("partition", partition);
        line.put("offset", offset);
        line.put("key", key);
        line.put("timestamp", timestamp < 0 ? null : Instant.ofEpochMilli(timestamp).toString());
        return line;
    }
}
