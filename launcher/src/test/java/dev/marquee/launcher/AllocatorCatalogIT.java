package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitDecision;
import static dev.marquee.launcher.Api.count;
import static dev.marquee.launcher.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.jayway.jsonpath.DocumentContext;
import dev.marquee.events.HallLayoutPublished;
import dev.marquee.events.HallSeat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The allocator sells a hall by the layout HallLayoutPublished gave it, never by order-api's tables: a hall
 * order-api knows but whose layout was not published to the allocator sells nothing; once published (and again,
 * redelivered), it sells.
 */
class AllocatorCatalogIT {

    @BeforeAll
    static void start() {
        SharedPipeline.get();
    }

    @Test
    void aHallSellsOnceItsLayoutIsPublishedAndARedeliveryChangesNothing() throws Exception {
        long hall = 700 + System.nanoTime() % 100_000;
        Api.execute("INSERT INTO hall (id, cinema_id, name) VALUES (" + hall + ", 1, 'Hall " + hall + "')");
        Api.execute("INSERT INTO hall_seat (hall_id, label, row_label, grid_row, grid_col, seat_type) VALUES ("
                + hall + ", 'A1', 'A', 1, 1, 'STANDARD'), (" + hall + ", 'A2', 'A', 1, 2, 'STANDARD'), (" + hall
                + ", 'A3', 'A', 1, 3, 'STANDARD'), (" + hall + ", 'A4', 'A', 1, 4, 'STANDARD')");
        long screening = Api.newScreening(hall);

        DocumentContext unknown = awaitDecision(order(screening, "A1"));
        assertThat(unknown.<String>read("$.status")).isEqualTo("REJECTED");
        assertThat(unknown.<String>read("$.rejection.reason")).isEqualTo("INVALID_SEAT");

        HallLayoutPublished layout = HallLayoutPublished.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setHallId(hall).setCinemaId(1).setMerchantId(1).setLayoutVersion(1)
                .setSeats(IntStream.rangeClosed(1, 4).mapToObj(n -> HallSeat.newBuilder().setLabel("A" + n)
                        .setRowLabel("A").setGridRow(1).setGridCol(n).setSeatType("STANDARD").build()).toList())
                .build();
        ScreeningCancellationIT.publish(Long.toString(hall), layout);
        ScreeningCancellationIT.publish(Long.toString(hall), layout);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM allocator_catalog_event"
                + " WHERE event_id = '" + layout.getEventId() + "'") == 1);

        DocumentContext held = awaitDecision(order(screening, "A2", "A3"));
        assertThat(held.<String>read("$.status")).isEqualTo("HELD");
        assertThat(held.<List<String>>read("$.seats")).containsExactly("A2", "A3");
        assertThat(count("SELECT COUNT(*) FROM allocator_hall_seat WHERE hall_id = " + hall)).isEqualTo(4);
    }

    private static String order(long screening, String... seats) throws Exception {
        HttpResponse<String> response = SignedIn.customer().post("/api/orders", "{\"screeningId\":" + screening
                + ",\"seats\":[\"" + String.join("\",\"", seats) + "\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).read("$.id");
    }
}
