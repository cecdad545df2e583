package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.marquee.events.SeatsHeld;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class EventLineTest {

    static final ObjectMapper JSON = JsonMapper.builderWithJackson2Defaults().build();

    @Test
    void anEventIsOneLineOfJsonWithItsPositionTypeAndTheRecord() throws Exception {
        SeatsHeld held = SeatsHeld.newBuilder().setEventId("e-1").setOccurredAt(Instant.parse("2026-05-01T19:00:00.123Z"))
                .setOrderId("o-\"7\"").setScreeningId(3).setHallId(2).setSeats(List.of("E7", "E8"))
                .setHoldDeadline(Instant.parse("2026-05-01T19:15:00Z")).setFencingToken(42).build();

        String line = EventLine.of("seat-events", 4, 1017, "o-\"7\"", 1_777_662_000_123L, held);

        assertThat(line).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("topic").asString()).isEqualTo("seat-events");
        assertThat(json.path("partition").asInt()).isEqualTo(4);
        assertThat(json.path("offset").asLong()).isEqualTo(1017);
        assertThat(json.path("key").asString()).isEqualTo("o-\"7\"");
        assertThat(json.path("timestamp").asString()).isEqualTo("2026-05-01T19:00:00.123Z");
        assertThat(json.path("type").asString()).isEqualTo("SeatsHeld");
        assertThat(json.path("event").path("orderId").asString()).isEqualTo("o-\"7\"");
        assertThat(json.path("event").path("seats")).extracting(JsonNode::asString).containsExactly("E7", "E8");
        assertThat(json.path("event").path("holdDeadline").asString()).isEqualTo("2026-05-01T19:15:00Z");
        assertThat(json.path("event").path("fencingToken").asLong()).isEqualTo(42);
        assertThat(json.propertyNames())
                .containsExactly("topic", "partition", "offset", "key", "timestamp", "type", "event");
    }

    @Test
    void aTombstoneWithoutKeyHasNullTypeEventAndKey() throws Exception {
        JsonNode json = JSON.readTree(EventLine.of("order-requests", 0, 5, null, 0, null));

        assertThat(json.path("key").isNull()).isTrue();
        assertThat(json.path("type").isNull()).isTrue();
        assertThat(json.path("event").isNull()).isTrue();
        assertThat(json.path("timestamp").asString()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void anUndecodableRecordSaysWhyInsteadOfStoppingTheWatch() throws Exception {
        JsonNode json = JSON.readTree(EventLine.undecodable("seat-events", 1, 9, "k", -1, "Unknown magic byte 0x7b"));

        assertThat(json.path("offset").asLong()).isEqualTo(9);
        assertThat(json.path("timestamp").isNull()).isTrue();
        assertThat(json.path("event").isNull()).isTrue();
        assertThat(json.path("error").asString()).isEqualTo("Unknown magic byte 0x7b");
    }
}
