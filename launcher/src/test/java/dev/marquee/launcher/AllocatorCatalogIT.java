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
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.jayway.jsonpath.DocumentContext;
import dev.marquee.events.HallLayoutPublished;
import dev.marquee.events.HallSeat;
import dev.marquee.events.ScreeningScheduled;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The allocator sells a hall by the layout HallLayoutPublished gave it, never by order-api's tables: a hall
 * order-api knows but whose layout was not published to the allocator sells nothing; once published (and again,
 * redelivered), it sells. A screening sells the layout version it was scheduled with, not the hall's newest.
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

    @Test
    void aScreeningSellsTheLayoutVersionItWasScheduledWithNotTheHallsNewest() throws Exception {
        long hall = 700 + System.nanoTime() % 100_000;
        Api.execute("INSERT INTO hall (id, cinema_id, name) VALUES (" + hall + ", 1, 'Hall " + hall + "')");
        everySeatForOrderApi(hall);
        long onFirst = Api.newScreening(hall);
        long onSecond = Api.newScreening(hall);

        publishAndAwait(hall, layout(hall, 1, "A1", "A2", "A3", "A4"));
        publishAndAwait(hall, scheduled(onFirst, hall, 1));
        publishAndAwait(hall, layout(hall, 2, "A1", "A2", "A3", "B1")); // A4 removed, B1 added
        publishAndAwait(hall, scheduled(onSecond, hall, 2));

        DocumentContext firstA4 = awaitDecision(order(onFirst, "A4"));
        assertThat(firstA4.<String>read("$.status")).isEqualTo("HELD");
        DocumentContext firstB1 = awaitDecision(order(onFirst, "B1"));
        assertThat(firstB1.<String>read("$.status")).isEqualTo("REJECTED");
        assertThat(firstB1.<String>read("$.rejection.reason")).isEqualTo("INVALID_SEAT");

        DocumentContext secondA4 = awaitDecision(order(onSecond, "A4"));
        assertThat(secondA4.<String>read("$.status")).isEqualTo("REJECTED");
        assertThat(secondA4.<String>read("$.rejection.reason")).isEqualTo("INVALID_SEAT");
        DocumentContext secondB1 = awaitDecision(order(onSecond, "B1"));
        assertThat(secondB1.<String>read("$.status")).isEqualTo("HELD");
        assertThat(count("SELECT COUNT(*) FROM allocator_screening WHERE hall_id = " + hall
                + " AND layout_version = CASE screening_id WHEN " + onFirst + " THEN 1 ELSE 2 END")).isEqualTo(2);
    }

    @Test
    void aScreeningTheAllocatorHasNotHeardOfSellsTheHallsNewestLayout() throws Exception {
        long hall = 700 + System.nanoTime() % 100_000;
        Api.execute("INSERT INTO hall (id, cinema_id, name) VALUES (" + hall + ", 1, 'Hall " + hall + "')");
        everySeatForOrderApi(hall);
        long unheardOf = Api.newScreening(hall);
        publishAndAwait(hall, layout(hall, 1, "A1", "A2"));
        publishAndAwait(hall, layout(hall, 2, "A1", "B1"));

        DocumentContext newest = awaitDecision(order(unheardOf, "B1"));
        assertThat(newest.<String>read("$.status")).isEqualTo("HELD");
        DocumentContext older = awaitDecision(order(unheardOf, "A2"));
        assertThat(older.<String>read("$.rejection.reason")).isEqualTo("INVALID_SEAT");
    }

    /**
     * order-api's own grid for the hall holds every seat of both versions, so that it takes each order and the
     * allocator's copy decides (the layouts the allocator gets are published to it directly).
     */
    private static void everySeatForOrderApi(long hall) throws Exception {
        Api.execute("INSERT INTO hall_seat (hall_id, label, row_label, grid_row, grid_col, seat_type) VALUES ("
                + hall + ", 'A1', 'A', 1, 1, 'STANDARD'), (" + hall + ", 'A2', 'A', 1, 2, 'STANDARD'), (" + hall
                + ", 'A3', 'A', 1, 3, 'STANDARD'), (" + hall + ", 'A4', 'A', 1, 4, 'STANDARD'), (" + hall
                + ", 'B1', 'B', 2, 1, 'STANDARD')");
    }

    private static HallLayoutPublished layout(long hall, int version, String... labels) {
        return HallLayoutPublished.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setHallId(hall).setCinemaId(1).setMerchantId(1).setLayoutVersion(version)
                .setSeats(IntStream.range(0, labels.length).mapToObj(n -> HallSeat.newBuilder().setLabel(labels[n])
                        .setRowLabel(labels[n].substring(0, 1)).setGridRow(labels[n].charAt(0) - 'A' + 1)
                        .setGridCol(n + 1).setSeatType("STANDARD").build()).toList())
                .build();
    }

    private static ScreeningScheduled scheduled(long screening, long hall, int layoutVersion) {
        Instant startsAt = Instant.now().plus(Duration.ofDays(1));
        return ScreeningScheduled.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setScreeningId(screening).setHallId(hall).setCinemaId(1).setMerchantId(1).setMovieId(1)
                .setLayoutVersion(layoutVersion).setStartsAt(startsAt).setEndsAt(startsAt.plus(Duration.ofHours(2)))
                .setCurrency("CNY").setPrices(Map.of("STANDARD", 6000L)).build();
    }

    /** Publishes a catalog event keyed by its hall and waits until the allocator applied it. */
    private static void publishAndAwait(long hall, Object event) throws Exception {
        String eventId = event instanceof HallLayoutPublished l ? l.getEventId()
                : ((ScreeningScheduled) event).getEventId();
        ScreeningCancellationIT.publish(Long.toString(hall), event);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM allocator_catalog_event"
                + " WHERE event_id = '" + eventId + "'") == 1);
    }

    private static String order(long screening, String... seats) throws Exception {
        HttpResponse<String> response = SignedIn.customer().post("/api/orders", "{\"screeningId\":" + screening
                + ",\"seats\":[\"" + String.join("\",\"", seats) + "\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).read("$.id");
    }
}
