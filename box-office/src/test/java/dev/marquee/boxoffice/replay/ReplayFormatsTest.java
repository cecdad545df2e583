package dev.marquee.boxoffice.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import dev.marquee.events.TicketsIssued;
import org.junit.jupiter.api.Test;

/** The lines analysts get: CSV (RFC 4180, the event as one JSON column) and JSON lines. */
class ReplayFormatsTest {

    static final Instant AT = Instant.parse("2026-03-14T04:00:00.123Z");
    static final TicketsIssued TICKETS = TicketsIssued.newBuilder().setEventId("e1").setOccurredAt(AT)
            .setOrderId("o\"1").setScreeningId(11).setHallId(5).setMovieId(7).setCinemaId(3)
            .setSeats(List.of("E1", "a,b\n")).setAmountMinor(9_000).setCurrency("CNY").setFencingToken(4).build();
    static final String JSON = "{\"eventId\":\"e1\",\"occurredAt\":\"2026-03-14T04:00:00.123Z\",\"orderId\":\"o\\\"1\","
            + "\"screeningId\":11,\"hallId\":5,\"movieId\":7,\"cinemaId\":3,\"seats\":[\"E1\",\"a,b\\n\"],"
            + "\"amountMinor\":9000,\"currency\":\"CNY\",\"fencingToken\":4}";

    @Test
    void anEventIsPlainJsonWithInstantsAsIsoStrings() {
        assertThat(AvroJson.of(TICKETS)).isEqualTo(JSON);
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndDoublesQuotes() throws IOException {
        StringWriter out = new StringWriter();
        CsvSink csv = new CsvSink(out);

        csv.accept(new ReplayedEvent("seat-events", 2, 41, AT, "o,1", TICKETS, null));
        csv.accept(new ReplayedEvent("seat-events", 2, 42, AT, "k", null, "Unknown magic byte"));
        csv.finish();

        assertThat(out.toString()).isEqualTo("topic,partition,offset,timestamp,key,type,event\r\n"
                + "seat-events,2,41,2026-03-14T04:00:00.123Z,\"o,1\",TicketsIssued,\""
                + JSON.replace("\"", "\"\"") + "\"\r\n"
                + "seat-events,2,42,2026-03-14T04:00:00.123Z,k,,\"{\"\"error\"\":\"\"Unknown magic byte\"\"}\"\r\n");
    }

    @Test
    void jsonLinesCarryThePositionTheKeyTheTypeAndTheEvent() throws IOException {
        StringWriter out = new StringWriter();
        JsonLinesSink lines = new JsonLinesSink(out);

        lines.accept(new ReplayedEvent("seat-events", 2, 41, AT, "o1", TICKETS, null));
        lines.accept(new ReplayedEvent("seat-events", 2, 42, null, null, null, "bad"));
        lines.finish();

        assertThat(out.toString()).isEqualTo("{\"topic\":\"seat-events\",\"partition\":2,\"offset\":41,"
                + "\"timestamp\":\"2026-03-14T04:00:00.123Z\",\"key\":\"o1\",\"type\":\"TicketsIssued\",\"event\":"
                + JSON + "}\n"
                + "{\"topic\":\"seat-events\",\"partition\":2,\"offset\":42,\"timestamp\":null,\"key\":null,"
                + "\"type\":null,\"event\":null,\"error\":\"bad\"}\n");
    }
}
