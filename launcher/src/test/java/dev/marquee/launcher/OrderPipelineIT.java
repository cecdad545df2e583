package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitStatus;
import static dev.marquee.launcher.Api.count;
import static dev.marquee.launcher.Api.get;
import static dev.marquee.launcher.Api.json;
import static dev.marquee.launcher.Api.post;
import static dev.marquee.launcher.Api.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One order through the whole pipeline, on the real embedded Kafka, MariaDB, Redis and schema registry:
 * HTTP → order + outbox row → Debezium → order-requests → seat-allocator (hall lock, fence, unique key) →
 * seat-events → order-api → HTTP.
 */
class OrderPipelineIT {

    @BeforeAll
    static void start() {
        SharedPipeline.get();
    }

    @Test
    void anOrderIsHeldAndASecondOrderForOneOfItsSeatsIsRefusedOnceTheMapShowsIt() throws Exception {
        long s = Api.newScreening(1);
        Instant before = Instant.now();
        HttpResponse<String> placed = post("/api/orders",
                "{\"screeningId\":" + s + ",\"seats\":[\"C5\",\"C6\"]}");
        assertThat(placed.statusCode()).isEqualTo(202);
        String first = json(placed).read("$.id");
        assertThat(placed.headers().firstValue("Location")).contains("/api/orders/" + first);
        assertThat(json(placed).<String>read("$.status")).isEqualTo("REQUESTED");
        assertThat(json(placed).<Integer>read("$.amount.minor")).isEqualTo(12000);

        DocumentContext held = awaitStatus(first, "HELD");
        assertThat(held.<List<String>>read("$.seats")).containsExactly("C5", "C6");
        Instant deadline = Instant.parse(held.read("$.holdDeadline"));
        assertThat(deadline).isBetween(before.plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> json(get("/api/screenings/" + s + "/seats"))
                .<List<String>>read("$.seats[?(@.state == 'HELD')].label").contains("C6"));
        HttpResponse<String> second = post("/api/orders",
                "{\"screeningId\":" + s + ",\"seats\":[\"C6\",\"C7\"]}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).<String>read("$.code")).isEqualTo("seats-taken");
        assertThat(json(second).<List<String>>read("$.seats")).containsExactly("C6");

        assertThat(query("SELECT seat_label, order_id FROM seat_claim WHERE screening_id = " + s
                + " AND seat_label IN ('C5', 'C6', 'C7') ORDER BY seat_label"))
                .containsExactly("C5=" + first, "C6=" + first);
    }

    @Test
    void ordersForDifferentHallsAndScreeningsAreEachHeld() throws Exception {
        long s1 = Api.newScreening(1);
        long s2 = Api.newScreening(2);
        String hall1 = json(post("/api/orders",
                "{\"screeningId\":" + s1 + ",\"seats\":[\"H1\",\"H2\"]}")).read("$.id");
        String hall2 = json(post("/api/orders",
                "{\"screeningId\":" + s2 + ",\"seats\":[\"O20\"]}")).read("$.id");

        assertThat(awaitStatus(hall1, "HELD").<Integer>read("$.hallId")).isEqualTo(1);
        assertThat(awaitStatus(hall2, "HELD").<Integer>read("$.hallId")).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"screeningId\":999,\"seats\":[\"A1\"]}                 | 422 | unknown-screening",
        "{\"screeningId\":1,\"seats\":[\"Z99\",\"A3\"]}           | 422 | unknown-seat",
        "{\"screeningId\":1,\"seats\":[\"A5\"]                    | 400 | malformed-request",
        "{\"screeningId\":\"one\",\"seats\":[\"A5\"]}             | 400 | malformed-request",
        "{\"screeningId\":1,\"seats\":[]}                         | 400 | invalid-request",
        "{\"customerId\":\"eve\",\"screeningId\":1,\"seats\":[\"A5\"]}            | 400 | invalid-request",
        "{\"screeningId\":1,\"seats\":[\"A3\",\"A3\"]}            | 422 | duplicate-seat",
        "{\"screeningId\":1,\"seats\":[\"B1\",\"B2\",\"B3\",\"B4\",\"B5\",\"B6\",\"B7\"]} | 422 | too-many-seats",
        "{\"screeningId\":1,\"anySeats\":7}                        | 422 | too-many-seats",
        "{\"screeningId\":1,\"anySeats\":0}                        | 400 | invalid-request",
        "{\"screeningId\":1,\"seats\":[\"A5\"],\"anySeats\":2}  | 400 | invalid-request",
        "{\"screeningId\":1}                                       | 400 | invalid-request"
    })
    void badInputGetsAProblemWithAStableCodeAndWritesNothing(String body, int status, String code) throws Exception {
        long orders = count("SELECT COUNT(*) FROM customer_order");
        long outbox = count("SELECT COUNT(*) FROM outbox");

        HttpResponse<String> response = post("/api/orders", body);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).<String>read("$.code")).isEqualTo(code);
        assertThat(json(response).<Integer>read("$.status")).isEqualTo(status);
        assertThat(count("SELECT COUNT(*) FROM customer_order")).isEqualTo(orders);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox);
    }

    /**
     * Outbox rows past their retention are purged, and the relay passes over both the ageing (an UPDATE) and the
     * deletion in the binlog: nothing is published again, and the next order goes through as usual.
     */
    @Test
    void oldOutboxRowsArePurgedWithoutPublishingAnythingAgain() throws Exception {
        awaitStatus(json(post("/api/orders", "{\"screeningId\":" + Api.newScreening(1)
                + ",\"seats\":[\"D9\"]}")).read("$.id"), "HELD");
        long published = Api.records("order-requests");
        long aged = Api.execute("UPDATE outbox SET created_at = created_at - INTERVAL 8 DAY");
        assertThat(aged).isPositive();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT COUNT(*) FROM outbox WHERE created_at < NOW() - INTERVAL 7 DAY") == 0);
        String next = json(post("/api/orders", "{\"screeningId\":" + Api.newScreening(1)
                + ",\"seats\":[\"D9\"]}")).read("$.id");

        awaitStatus(next, "HELD");
        assertThat(Api.records("order-requests")).isEqualTo(published + 1);
    }

    @Test
    void anUnknownOrderIsAProblemToo() throws Exception {
        HttpResponse<String> response = get("/api/orders/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).<String>read("$.code")).isEqualTo("order-not-found");
    }

    @Test
    void theCatalogListsTheDemoScreenings() throws Exception {
        // the demo's cinema 1 (other cinemas of the demo screen movie 2 too); tests sharing this stack may have
        // scheduled more of movie 2 there (PagesBrowserIT, BoxOfficePipelineIT), so the demo's are among them
        HttpResponse<String> response = get("/api/screenings?movieId=2&cinemaId=1");

        assertThat(response.statusCode()).isEqualTo(200);
        DocumentContext listed = json(response);
        assertThat(listed.<List<Integer>>read("$[*].id")).contains(3, 4);
        assertThat(listed.<List<Integer>>read("$[*].movieId")).containsOnly(2);
        assertThat(listed.<List<Integer>>read("$[*].cinemaId")).containsOnly(1);
        assertThat(listed.<List<Integer>>read("$[?(@.id in [3, 4])].pricesMinor.STANDARD")).containsOnly(6000);
    }

    /** Two orders for one seat, both past the edge before the seat map can show either: the allocator decides. */
    @Test
    void theAllocatorRejectsTheLaterOfTwoOrdersForASeatThatTheEdgeCouldNotYetSee() throws Exception {
        long s = Api.newScreening(1);
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = List.of("mo", "ned").stream()
                .map(customer -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return post("/api/orders", "{\"screeningId\":" + s + ",\"seats\":[\"G6\",\"G7\"]}");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        List<String> ids = new java.util.ArrayList<>();
        for (var response : sent) {
            assertThat(response.join().statusCode()).isEqualTo(202);
            ids.add(json(response.join()).read("$.id"));
        }

        List<DocumentContext> decided = ids.stream().map(Api::awaitDecision).toList();
        assertThat(decided).extracting(d -> d.<String>read("$.status")).containsExactlyInAnyOrder("HELD", "REJECTED");
        assertThat(decided).filteredOn(d -> "REJECTED".equals(d.read("$.status")))
                .extracting(d -> d.<String>read("$.rejection.reason")).containsExactly("SEATS_TAKEN");
    }

    @Test
    void theSeatMapShowsHeldSeatsAndAddsUpToTheCapacity() throws Exception {
        long s = Api.newScreening(1);
        String id = json(post("/api/orders", "{\"screeningId\":" + s + ",\"seats\":[\"D6\",\"D7\"]}"))
                .read("$.id");
        awaitStatus(id, "HELD");

        HttpResponse<String> response = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/screenings/" + s + "/seats"), r -> json(r).<List<String>>read(
                        "$.seats[?(@.state == 'HELD')].label").contains("D7"));

        DocumentContext map = json(response);
        assertThat(response.headers().firstValue("Cache-Control")).contains("max-age=1");
        assertThat(map.<Integer>read("$.capacity")).isEqualTo(104);
        assertThat(map.<Integer>read("$.free") + map.<Integer>read("$.held") + map.<Integer>read("$.sold")).isEqualTo(104);
        assertThat(map.<List<String>>read("$.seats[?(@.label == 'D6')].state")).containsExactly("HELD");
        assertThat(map.<List<String>>read("$.seats[?(@.label == 'D8')].state")).containsExactly("FREE");
        assertThat(map.<List<String>>read("$.seats[?(@.label == 'A1')].type")).containsExactly("WHEELCHAIR");
        assertThat(map.<List<Integer>>read("$.seats[?(@.label == 'H1')].priceMinor")).containsExactly(8000);
        assertThat(get("/api/screenings/999/seats").statusCode()).isEqualTo(404);
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheSameOrderAndAnotherBodyIsAConflict() throws Exception {
        long s = Api.newScreening(1);
        SignedIn gina = SignedIn.customer();
        String body = "{\"screeningId\":" + s + ",\"seats\":[\"F6\",\"F7\"]}";
        HttpResponse<String> first = gina.post("/api/orders", body, java.util.Map.of("Idempotency-Key", "gina-1"));
        HttpResponse<String> retry = gina.post("/api/orders", body, java.util.Map.of("Idempotency-Key", "gina-1"));
        HttpResponse<String> other = gina.post("/api/orders", body.replace("F7", "F8"),
                java.util.Map.of("Idempotency-Key", "gina-1"));
        HttpResponse<String> someoneElse = SignedIn.customer().post("/api/orders", body.replace("F6\",\"F7", "F9"),
                java.util.Map.of("Idempotency-Key", "gina-1"));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).contains("false");
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json(retry).<String>read("$.id")).isEqualTo(json(first).read("$.id"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(json(other).<String>read("$.code")).isEqualTo("idempotency-key-reused");
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE customer_id = '" + gina.subject() + "'"))
                .isEqualTo(1);
        // a key is the customer's own: another customer's same key is another request
        assertThat(someoneElse.statusCode()).isEqualTo(202);
        assertThat(json(someoneElse).<String>read("$.id")).isNotEqualTo(json(first).read("$.id"));
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneOrder() throws Exception {
        long s = Api.newScreening(2);
        SignedIn hank = SignedIn.customer();
        String body = "{\"screeningId\":" + s + ",\"anySeats\":2}";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> hank.post("/api/orders", body, java.util.Map.of("Idempotency-Key", "hank-1"))));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var f : sent) {
                HttpResponse<String> response = f.get();
                assertThat(response.statusCode()).isEqualTo(202);
                ids.add(json(response).read("$.id"));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE customer_id = '" + hank.subject() + "'"))
                .isEqualTo(1);
    }

    @Test
    void anySeatsIsGivenAContiguousBlockOfTheBestRow() throws Exception {
        long s = Api.newScreening(2);
        String id = json(post("/api/orders", "{\"screeningId\":" + s + ",\"anySeats\":3}"))
                .read("$.id");

        DocumentContext held = awaitStatus(id, "HELD");

        List<String> seats = held.read("$.seats");
        assertThat(seats).hasSize(3).allMatch(seat -> seat.startsWith("I"));
        assertThat(held.<Integer>read("$.amount.minor")).isEqualTo(18000);
    }

    @Test
    void theAllocatorRejectsALoneHalfOfALoveSeatAndAStrandedSeat() throws Exception {
        long s = Api.newScreening(1);
        String split = json(post("/api/orders", "{\"screeningId\":" + s + ",\"seats\":[\"H5\"]}"))
                .read("$.id");
        String first = json(post("/api/orders", "{\"screeningId\":" + s + ",\"seats\":[\"E1\"]}"))
                .read("$.id");
        awaitStatus(first, "HELD");
        String strands = json(post("/api/orders", "{\"screeningId\":" + s + ",\"seats\":[\"E3\",\"E4\"]}"))
                .read("$.id");

        assertThat(awaitStatus(split, "REJECTED").<String>read("$.rejection.reason")).isEqualTo("LOVE_SEAT_SPLIT");
        assertThat(awaitStatus(strands, "REJECTED").<String>read("$.rejection.reason")).isEqualTo("ORPHAN_SEAT");
    }
}
