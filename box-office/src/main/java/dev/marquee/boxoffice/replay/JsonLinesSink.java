package dev.marquee.boxoffice.replay;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes replayed events as JSON lines:
 * {@code {"topic":..,"partition":..,"offset":..,"timestamp":"ISO-8601","key":..,"type":"OrderPaid","event":{..}}},
 * with {@code "error"} instead of an event for a record that could not be decoded. The caller owns the writer.
 */
public final class JsonLinesSink implements ReplaySink {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(512);

    public JsonLinesSink(Writer out) {
        this.out = out;
    }

    @Override
    public void accept(ReplayedEvent e) throws IOException {
        line.setLength(0);
        line.append("{\"topic\":");
        AvroJson.string(line, e.topic());
        line.append(",\"partition\":").append(e.partition()).append(",\"offset\":").append(e.offset())
                .append(",\"timestamp\":");
        nullable(e.timestamp() == null ? null : e.timestamp().toString());
        line.append(",\"key\":");
        nullable(e.key());
        line.append(",\"type\":");
        nullable(e.type());
        line.append(",\"event\":");
        if (e.event() == null) {
            line.append("null");
        } else {
            AvroJson.append(line, e.event());
        }
        if (e.error() != null) {
            line.append(",\"error\":");
            AvroJson.string(line, e.error());
        }
        out.append(line.append("}\n"));
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void nullable(String value) {
        if (value == null) {
            line.append("null");
        } else {
            AvroJson.string(line, value);
        }
    }
}
