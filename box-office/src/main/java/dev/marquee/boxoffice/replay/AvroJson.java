package dev.marquee.boxoffice.replay;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * An Avro record as plain JSON for people and tools: fields by name, unions as their value, timestamps as ISO-8601
 * instants, dates as ISO days, bytes as hex. (Avro's own JSON encoding wraps union values in their type, which is
 * exact but awkward to read and query.)
 */
public final class AvroJson {

    private AvroJson() {
    }

    public static String of(IndexedRecord record) {
        StringBuilder json = new StringBuilder(256);
        append(json, record);
        return json.toString();
    }

    static void append(StringBuilder json, IndexedRecord record) {
        json.append('{');
        int i = 0;
        for (Schema.Field field : record.getSchema().getFields()) {
            if (i++ > 0) {
                json.append(',');
            }
            string(json, field.name());
            json.append(':');
            value(json, field.schema(), record.get(field.pos()));
        }
        json.append('}');
    }

    private static void value(StringBuilder json, Schema schema, Object datum) {
        switch (datum) {
            case null -> json.append("null");
            case IndexedRecord record -> append(json, record);
            case CharSequence text -> string(json, text);
            case Boolean b -> json.append(b);
            case Integer n when isDate(schema) -> string(json, LocalDate.ofEpochDay(n).toString());
            case Long n when timestampMillis(schema) -> string(json, Instant.ofEpochMilli(n).toString());
            case Long n when timestampMicros(schema) -> string(json, Instant.EPOCH.plusNanos(n * 1_000).toString());
            case Integer n -> json.append(n);
            case Long n -> json.append(n);
            case Float f when f.isNaN() || f.isInfinite() -> string(json, f.toString());
            case Double d when d.isNaN() || d.isInfinite() -> string(json, d.toString());
            case Number n -> json.append(n);
            case GenericEnumSymbol<?> symbol -> string(json, symbol.toString());
            case Enum<?> symbol -> string(json, symbol.name());
            case ByteBuffer bytes -> string(json, HexFormat.of().formatHex(bytes(bytes)));
            case GenericFixed fixed -> string(json, HexFormat.of().formatHex(fixed.bytes()));
            case Map<?, ?> map -> map(json, elementSchema(schema, Schema.Type.MAP), map);
            case Collection<?> items -> array(json, elementSchema(schema, Schema.Type.ARRAY), items);
            default -> string(json, datum.toString());
        }
    }

    private static void array(StringBuilder json, Schema items, Collection<?> values) {
        json.append('[');
        int i = 0;
        for (Object item : values) {
            if (i++ > 0) {
                json.append(',');
            }
            value(json, items, item);
        }
        json.append(']');
    }

    private static void map(StringBuilder json, Schema values, Map<?, ?> map) {
        json.append('{');
        int i = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (i++ > 0) {
                json.append(',');
            }
            string(json, String.valueOf(entry.getKey()));
            json.append(':');
            value(json, values, entry.getValue());
        }
        json.append('}');
    }

    /** The schema of a container's items or values; through a union, the branch of that type. */
    private static Schema elementSchema(Schema schema, Schema.Type container) {
        Schema branch = schema;
        if (schema != null && schema.getType() == Schema.Type.UNION) {
            branch = schema.getTypes().stream().filter(s -> s.getType() == container).findFirst().orElse(null);
        }
        if (branch == null || branch.getType() != container) {
            return null;
        }
        return container == Schema.Type.MAP ? branch.getValueType() : branch.getElementType();
    }

    private static boolean isDate(Schema schema) {
        return logicalType(schema, Schema.Type.INT) instanceof LogicalTypes.Date;
    }

    private static boolean timestampMillis(Schema schema) {
        LogicalType type = logicalType(schema, Schema.Type.LONG);
        return type instanceof LogicalTypes.TimestampMillis || type instanceof LogicalTypes.LocalTimestampMillis;
    }

    private static boolean timestampMicros(Schema schema) {
        LogicalType type = logicalType(schema, Schema.Type.LONG);
        return type instanceof LogicalTypes.TimestampMicros || type instanceof LogicalTypes.LocalTimestampMicros;
    }

    private static LogicalType logicalType(Schema schema, Schema.Type type) {
        if (schema == null) {
            return null;
        }
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream().filter(s -> s.getType() == type).findFirst()
                    .map(Schema::getLogicalType).orElse(null);
        }
        return schema.getType() == type ? schema.getLogicalType() : null;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    static void string(StringBuilder json, CharSequence text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
