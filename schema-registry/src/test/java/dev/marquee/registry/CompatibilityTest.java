package dev.marquee.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityTest {

    private static final Schema LABEL_STRING = parse(Schemas.seat("""
            {"name":"label","type":"string"}"""));
    private static final Schema NO_LABEL = parse(Schemas.seat(""));
    private static final Schema LABEL_INT = parse(Schemas.seat("""
            {"name":"label","type":"int","default":0}"""));

    @Test
    void transitiveLevelsCheckEveryEarlierVersionTheOthersOnlyTheLatest() {
        List<Schema> history = List.of(LABEL_STRING, NO_LABEL);

        assertThat(Compatibility.BACKWARD.problems(LABEL_INT, history)).isEmpty();
        assertThat(Compatibility.BACKWARD_TRANSITIVE.problems(LABEL_INT, history))
                .singleElement().asString().contains("TYPE_MISMATCH");
    }

    @Test
    void forwardLetsTheOldSchemaReadTheNewOne() {
        Schema withRow = parse(Schemas.SEAT_WITH_ROW_DEFAULT);
        Schema withoutLabel = parse(Schemas.SEAT_WITHOUT_LABEL);

        assertThat(Compatibility.BACKWARD.problems(withoutLabel, List.of(withRow))).isEmpty();
        assertThat(Compatibility.FORWARD.problems(withoutLabel, List.of(withRow)))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(Compatibility.FULL.problems(withoutLabel, List.of(withRow))).hasSize(1);
        assertThat(Compatibility.NONE.problems(withoutLabel, List.of(withRow))).isEmpty();
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }
}
