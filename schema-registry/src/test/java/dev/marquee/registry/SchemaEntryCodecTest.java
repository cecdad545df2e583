package dev.marquee.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.registry.SchemaEntry.CompatibilitySet;
import dev.marquee.registry.SchemaEntry.SchemaRegistered;
import org.junit.jupiter.api.Test;

class SchemaEntryCodecTest {

    private final SchemaEntryCodec codec = new SchemaEntryCodec();

    @Test
    void keysASchemaBySubjectAndVersionAndReadsItBack() {
        SchemaEntry entry = new SchemaRegistered("seat-events-value", 3, 7, Schemas.SEAT_V1);

        assertThat(codec.key(entry)).isEqualTo("{\"subject\":\"seat-events-value\",\"version\":3}");
        assertThat(codec.entry(codec.value(entry))).isEqualTo(entry);
    }

    @Test
    void keysLevelsByTheirSubjectOrGlobal() {
        SchemaEntry global = new CompatibilitySet(null, Compatibility.FULL);
        SchemaEntry subject = new CompatibilitySet("seat-events-value", Compatibility.NONE);

        assertThat(codec.key(global)).isEqualTo("{\"subject\":\"__GLOBAL\",\"type\":\"CONFIG\"}");
        assertThat(codec.key(subject)).isEqualTo("{\"subject\":\"seat-events-value\",\"type\":\"CONFIG\"}");
        assertThat(codec.entry(codec.value(global))).isEqualTo(global);
        assertThat(codec.entry(codec.value(subject))).isEqualTo(subject);
    }

    @Test
    void refusesAValueItDidNotWrite() {
        assertThatThrownBy(() -> codec.entry("{\"magic\":1}")).hasMessageContaining("Not a schema registry entry");
    }
}
