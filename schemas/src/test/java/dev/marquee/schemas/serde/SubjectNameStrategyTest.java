package dev.marquee.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.events.SeatsHeld;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {

    @Test
    void namesSubjectsLikeConfluentsStrategiesOfTheSameSimpleName() {
        var schema = SeatsHeld.getClassSchema();

        assertThat(SubjectNameStrategy.named("io.confluent.kafka.serializers.subject.TopicNameStrategy")
                .subject("seat-events", true, schema)).isEqualTo("seat-events-key");
        assertThat(SubjectNameStrategy.named("TopicRecordNameStrategy").subject("seat-events", false, schema))
                .isEqualTo("seat-events-dev.marquee.events.SeatsHeld");
        assertThat(SubjectNameStrategy.named("com.example.Outer$RecordNameStrategy").subject("seat-events", false, schema))
                .isEqualTo("dev.marquee.events.SeatsHeld");
    }

    @Test
    void refusesAnUnknownStrategy() {
        assertThatThrownBy(() -> SubjectNameStrategy.named("com.example.TopicIdStrategy"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TopicIdStrategy");
    }
}
