package dev.marquee.boxoffice.replay;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes replayed events as CSV (RFC 4180): {@code topic,partition,offset,timestamp,key,type,event}, the timestamp
 * an ISO-8601 instant and the event its fields as one JSON object ({@link AvroJson}). A record that could not be
 * decoded has no type and {@code {"error": ...}} as its event. The caller owns (and closes) the writer.
 */
public final class CsvSink implements ReplaySink {

    public static final String HEADER = "topic,partition,offset,timestamp,key,type,event";

    private final Writer out;
    private final StringBuilder line = new StringBuilder(512);

    public CsvSink(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER);
        out.write("\r\n");
    }

    @Override
    public void accept(ReplayedEvent e) throws IOException {
        line.setLength(0);
        field(e.topic()).append(',').append(e.partition()).append(',').append(e.offset()).append(',');
        field(e.timestamp() == null ? null : e.timestamp().toString()).append(',');
        field(e.key()).append(',');
        field(e.type()).append(',');
        field(eventJson(e)).append("\r\n");
        out.append(line);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    static String eventJson(ReplayedEvent e) {
        if (e.event() != null) {
            return AvroJson.of(e.event());
        }
        if (e.error() == null) {
            return null;
        }
        StringBuilder json = new StringBuilder("{\"error\":");
        AvroJson.string(json, e.error());
        return json.append('}').toString();
    }

    private StringBuilder field(String value) {
        if (value == null) {
            return line;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return line.append(value);
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        return line.append('"');
    }
}
