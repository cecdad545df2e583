package dev.marquee.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {

    private static final Schema SEAT_V1 = seat("""
            {"name":"label","type":"string"}""");
    private static final Schema SEAT_ROW_DEFAULT = seat("""
            {"name":"label","type":"string"},{"name":"row","type":"string","default":"A"}""");
    private static final Schema SEAT_ROW_REQUIRED = seat("""
            {"name":"label","type":"string"},{"name":"row","type":"string"}""");

    @Test
    void everyEventSchemaHasHistoryIsItsNewestVersionAndReadsEveryEarlierOne() {
        List<SchemaEvolution> evolutions = SchemaEvolution.load(Path.of("src/main/avro"), Path.of("history"));

        assertThat(evolutions).hasSizeGreaterThanOrEqualTo(10);
        assertThat(evolutions.stream().flatMap(e -> e.problems().stream())).isEmpty();
    }

    @Test
    void catchesANewFieldWithoutDefault() {
        SchemaEvolution evolution = new SchemaEvolution("Seat", SEAT_ROW_REQUIRED, history(SEAT_V1, SEAT_ROW_REQUIRED));

        assertThat(evolution.problems()).singleElement().asString()
                .contains("history/Seat/v1.avsc", "READER_FIELD_MISSING_DEFAULT_VALUE", "row");
    }

    @Test
    void checksAgainstEveryEarlierVersionNotOnlyTheNewest() {
        Schema labelAsInt = seat("""
                {"name":"label","type":"int","default":0}""");
        SchemaEvolution evolution = new SchemaEvolution("Seat", labelAsInt, history(SEAT_V1, seat(""), labelAsInt));

        assertThat(evolution.problems()).singleElement().asString().contains("v1.avsc", "TYPE_MISMATCH");
    }

    @Test
    void asksForANewHistoryVersionWhenTheSchemaChanged() {
        SchemaEvolution evolution = new SchemaEvolution("Seat", SEAT_ROW_DEFAULT, history(SEAT_V1));

        assertThat(evolution.problems()).containsExactly(
                "src/main/avro/Seat.avsc differs from its newest history version v1: add history/Seat/v2.avsc as a copy of it");
        assertThat(new SchemaEvolution("Seat", SEAT_ROW_DEFAULT, history(SEAT_V1, SEAT_ROW_DEFAULT)).problems()).isEmpty();
    }

    @Test
    void reportsASchemaWithoutHistory() {
        SchemaEvolution evolution = new SchemaEvolution("Seat", SEAT_V1, new TreeMap<>());

        assertThat(evolution.problems()).singleElement().asString().contains("has no history", "history/Seat/v1.avsc");
    }

    private static NavigableMap<Integer, Schema> history(Schema... versions) {
        NavigableMap<Integer, Schema> history = new TreeMap<>();
        for (int i = 0; i < versions.length; i++) {
            history.put(i + 1, versions[i]);
        }
        return history;
    }

    private static Schema seat(String fields) {
        return new Schema.Parser().parse("""
                {"type":"record","name":"Seat","namespace":"dev.marquee.test","fields":[%s]}""".formatted(fields));
    }
}
