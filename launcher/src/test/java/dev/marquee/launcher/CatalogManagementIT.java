package dev.marquee.launcher;

import static dev.marquee.launcher.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import dev.marquee.events.HallLayoutPublished;
import dev.marquee.events.LicenceGranted;
import dev.marquee.events.MovieChanged;
import dev.marquee.events.ScreeningCancelled;
import dev.marquee.events.ScreeningChanged;
import dev.marquee.events.ScreeningScheduled;
import dev.marquee.launcher.bench.TopicReader;
import dev.marquee.schemas.Topics;
import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Putting a cinema on sale through the API: the platform adds a merchant, a cinema, a movie and a licence; the
 * merchant's staff draw a hall, schedule a screening and publish it; a customer orders a seat of it. Then each bad
 * input of issue 12 is refused with its code and writes nothing, two staff race for one slot, and a cancel stops
 * sales at once.
 */
class CatalogManagementIT {

    static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L), 36);
    static final AtomicIds IDS = new AtomicIds();

    static SignedIn admin;
    static Fixture shop;

    @BeforeAll
    static void start() throws Exception {
        SharedPipeline.get();
        admin = SignedIn.admin();
        shop = Fixture.create("main");
    }

    @Test
    void aCinemaPutsAScreeningOnSaleAndACustomerBuysASeat() throws Exception {
        long hallOfScreening = shop.hall();
        long screening = shop.screening(hallOfScreening, at(1, 10), Map.of("STANDARD", 5000L, "LOVE_SEAT", 9000L,
                "WHEELCHAIR", 3000L, "COMPANION", 3000L));
        HttpResponse<String> unpublished = SignedIn.customer().post("/api/orders",
                "{\"screeningId\":" + screening + ",\"seats\":[\"B4\"]}");
        HttpResponse<String> published = shop.staff.post("/api/screenings/" + screening + "/publish", "");

        assertThat(unpublished.statusCode()).as(unpublished.body()).isEqualTo(422);
        assertThat(json(unpublished).<String>read("$.code")).isEqualTo("screening-closed");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(json(published).<String>read("$.status")).isEqualTo("ON_SALE");
        String order = Api.heldOrder(screening, "B4", "B5");
        assertThat(json(SignedIn.ownerOf(order).orElseThrow().get("/api/orders/" + order))
                .<Integer>read("$.amount.minor")).isEqualTo(10000);

        List<Object> byHall = catalogEvents(Long.toString(hallOfScreening), 2);
        assertThat(byHall).hasAtLeastOneElementOfType(HallLayoutPublished.class)
                .hasAtLeastOneElementOfType(ScreeningScheduled.class);
        ScreeningScheduled scheduled = byHall.stream().filter(ScreeningScheduled.class::isInstance)
                .map(ScreeningScheduled.class::cast).filter(e -> e.getScreeningId() == screening).findFirst()
                .orElseThrow();
        assertThat(scheduled.getMerchantId()).isEqualTo(shop.merchant);
        assertThat(scheduled.getPrices()).containsEntry("STANDARD", 5000L);
        assertThat(scheduled.getEndsAt()).isEqualTo(at(1, 10).plus(Duration.ofMinutes(90 + 15 + 15)));
        assertThat(catalogEvents(Long.toString(shop.movie), 2)).hasAtLeastOneElementOfType(MovieChanged.class)
                .hasAtLeastOneElementOfType(LicenceGranted.class);
    }

    @Test
    void overlappingScreeningsAreRefusedAndNothingIsWritten() throws Exception {
        long hall = shop.hall();
        shop.screening(hall, at(2, 14), Fixture.ALL_PRICES);
        long before = screeningsIn(hall);

        // 90 min + 15 advertising + 15 cleaning: 14:00 to 16:00; 15:59 overlaps, 16:00 does not
        HttpResponse<String> overlapping = shop.schedule(hall, shop.movie, at(2, 14).plus(Duration.ofMinutes(119)),
                Fixture.ALL_PRICES);
        HttpResponse<String> before14 = shop.schedule(hall, shop.movie, at(2, 12).plus(Duration.ofMinutes(1)),
                Fixture.ALL_PRICES);

        assertRefused(overlapping, 409, "screening-overlap");
        assertRefused(before14, 409, "screening-overlap");
        assertThat(screeningsIn(hall)).isEqualTo(before);
        assertThat(shop.schedule(hall, shop.movie, at(2, 16), Fixture.ALL_PRICES).statusCode()).isEqualTo(201);
    }

    @Test
    void anUnlicensedMovieOrADayOutsideTheLicenceIsRefused() throws Exception {
        long hall = shop.hall();
        long unlicensed = Fixture.movie("unlicensed");
        HttpResponse<String> notLicensed = shop.schedule(hall, unlicensed, at(1, 9), Fixture.ALL_PRICES);
        HttpResponse<String> outside = shop.schedule(hall, shop.movie, at(40, 9), Fixture.ALL_PRICES);
        assertThat(admin.delete("/api/admin/licences/" + shop.cinema + "/" + shop.revocable).statusCode())
                .isEqualTo(204);
        HttpResponse<String> revoked = shop.schedule(hall, shop.revocable, at(1, 9), Fixture.ALL_PRICES);
        HttpResponse<String> again = admin.delete("/api/admin/licences/" + shop.cinema + "/" + shop.revocable);
        HttpResponse<String> never = admin.delete("/api/admin/licences/" + shop.cinema + "/" + unlicensed);

        assertRefused(notLicensed, 422, "movie-not-licensed");
        assertRefused(outside, 422, "outside-licence");
        assertRefused(revoked, 422, "movie-not-licensed");
        assertThat(again.statusCode()).isEqualTo(204);
        assertRefused(never, 404, "unknown-licence");
        assertThat(screeningsIn(hall)).isZero();
    }

    @Test
    void aLayoutWithAnUnpairedLoveSeatIsRefusedWithWhereAndWhy() throws Exception {
        HttpResponse<String> refused = shop.staff.post("/api/cinemas/" + shop.cinema + "/halls",
                "{\"name\":\"Broken " + RUN + "\",\"rows\":[\"SSSS\",\"LLL_\"]}");

        assertRefused(refused, 422, "layout-invalid");
        assertThat(json(refused).<List<Map<String, Object>>>read("$.errors")).singleElement()
                .satisfies(error -> {
                    assertThat(error).containsEntry("row", 2).containsEntry("col", 3);
                    assertThat((String) error.get("reason")).contains("no partner");
                });
        assertThat(Api.count("SELECT COUNT(*) FROM hall WHERE name = 'Broken " + RUN + "'")).isZero();
    }

    @Test
    void aPriceMissingForASeatTypeOfTheHallIsRefused() throws Exception {
        long hall = shop.hall();

        HttpResponse<String> refused = shop.schedule(hall, shop.movie, at(3, 9), Map.of("STANDARD", 5000L));

        assertRefused(refused, 422, "price-missing");
        assertThat(json(refused).<List<String>>read("$.seatTypes"))
                .containsExactly("COMPANION", "LOVE_SEAT", "WHEELCHAIR");
        assertThat(screeningsIn(hall)).isZero();
    }

    @Test
    void staffOfAnotherMerchantAreRefusedEverywhere() throws Exception {
        SignedIn elsewhere = SignedIn.staff(shop.merchant + 1000);
        long hall = shop.hall();
        long screening = shop.screening(hall, at(4, 9), Fixture.ALL_PRICES);

        List<HttpResponse<String>> answers = List.of(
                elsewhere.post("/api/cinemas/" + shop.cinema + "/halls", "{\"name\":\"X\",\"rows\":[\"SS\"]}"),
                elsewhere.put("/api/halls/" + hall + "/layout", "{\"rows\":[\"SS\"]}"),
                elsewhere.post("/api/halls/" + hall + "/screenings", Fixture.body(shop.movie, at(5, 9),
                        Fixture.ALL_PRICES)),
                elsewhere.post("/api/screenings/" + screening + "/publish", ""),
                elsewhere.post("/api/screenings/" + screening + "/cancel", "{}"),
                elsewhere.put("/api/admin/cinemas/" + shop.cinema, Fixture.cinemaBody("elsewhere-" + RUN)));

        assertThat(answers).allSatisfy(answer -> assertRefused(answer, 403, "forbidden-merchant"));
        assertThat(screeningsIn(hall)).isEqualTo(1);
        assertThat(Api.query("SELECT status FROM screening WHERE id = " + screening)).containsExactly("SCHEDULED");
        assertThat(Api.count("SELECT COUNT(*) FROM hall_seat WHERE hall_id = " + hall)).isEqualTo(22);
    }

    @Test
    void twoStaffSchedulingOverlappingScreeningsAtTheSameInstantOneWins() throws Exception {
        SignedIn other = SignedIn.staff(shop.merchant);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long hall = shop.hall();
                CyclicBarrier together = new CyclicBarrier(2);
                Instant start = at(6, 10);
                Future<HttpResponse<String>> first = two.submit(() -> {
                    together.await();
                    return shop.schedule(shop.staff, hall, shop.movie, start, Fixture.ALL_PRICES);
                });
                Future<HttpResponse<String>> second = two.submit(() -> {
                    together.await();
                    return shop.schedule(other, hall, shop.movie, start.plus(Duration.ofMinutes(30)),
                            Fixture.ALL_PRICES);
                });
                List<Integer> statuses = List.of(first.get().statusCode(), second.get().statusCode());

                assertThat(statuses).as(first.get().body() + " / " + second.get().body())
                        .containsExactlyInAnyOrder(201, 409);
                assertThat(screeningsIn(hall)).isEqualTo(1);
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aCancelledScreeningStopsSalesAtOnceAndCannotBePublished() throws Exception {
        long screening = shop.screening(shop.hall(), at(7, 10), Fixture.ALL_PRICES);
        shop.staff.post("/api/screenings/" + screening + "/publish", "");
        Api.heldOrder(screening, "A3");

        HttpResponse<String> cancelled = shop.staff.post("/api/screenings/" + screening + "/cancel",
                "{\"reason\":\"projector broken\"}");
        HttpResponse<String> order = SignedIn.customer().post("/api/orders",
                "{\"screeningId\":" + screening + ",\"seats\":[\"B5\"]}");
        HttpResponse<String> republished = shop.staff.post("/api/screenings/" + screening + "/publish", "");

        assertThat(json(cancelled).<String>read("$.status")).isEqualTo("CANCELLED");
        assertRefused(order, 422, "screening-closed");
        assertRefused(republished, 409, "screening-cancelled");
        List<Object> events = catalogEvents(Long.toString(shop.hallOf(screening)), 1);
        assertThat(events).filteredOn(ScreeningCancelled.class::isInstance).map(ScreeningCancelled.class::cast)
                .anySatisfy(e -> {
                    assertThat(e.getScreeningId()).isEqualTo(screening);
                    assertThat(e.getReason()).isEqualTo("projector broken");
                });
    }

    @Test
    void aLayoutChangedAfterScreeningsIsANewVersionAndTheScreeningKeepsItsSeats() throws Exception {
        long hall = shop.hall();
        long screening = shop.screening(hall, at(8, 10), Fixture.ALL_PRICES);
        shop.staff.post("/api/screenings/" + screening + "/publish", "");

        HttpResponse<String> changed = shop.staff.put("/api/halls/" + hall + "/layout",
                "{\"rows\":[\"SSSSSS\",\"SSSSSS\"]}");
        long next = shop.screening(hall, at(8, 14), Map.of("STANDARD", 4000L));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).<Integer>read("$.layoutVersion")).isEqualTo(2);
        assertThat(json(SignedIn.anonymous().get("/api/screenings/" + screening + "/seats"))
                .<Integer>read("$.capacity")).isEqualTo(22);
        shop.staff.post("/api/screenings/" + next + "/publish", "");
        assertThat(json(SignedIn.anonymous().get("/api/screenings/" + next + "/seats"))
                .<Integer>read("$.capacity")).isEqualTo(12);
    }

    /**
     * A screening on sale is moved and repriced: ScreeningChanged goes out with the new facts, new orders pay the
     * new prices, and payment-listener judges the screening's known orders (one cancelled here) by the new start.
     */
    @Test
    void aScreeningOnSaleIsMovedAndRepricedAndScreeningChangedGoesOut() throws Exception {
        long hall = shop.hall();
        long screening = shop.screening(hall, at(10, 10), Fixture.ALL_PRICES);
        shop.staff.post("/api/screenings/" + screening + "/publish", "");
        String cancelled = Api.heldOrder(screening, "B4");
        HttpResponse<String> cancel = SignedIn.ownerOf(cancelled).orElseThrow()
                .post("/api/orders/" + cancelled + "/cancel", "");
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        Api.awaitStatus(cancelled, "CANCELLED");
        Instant later = at(10, 13);

        HttpResponse<String> moved = shop.staff.patch("/api/screenings/" + screening, "{\"startsAt\":\"" + later
                + "\",\"prices\":{\"STANDARD\":4000,\"LOVE_SEAT\":7000,\"WHEELCHAIR\":2000,\"COMPANION\":2000}}");

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(Instant.parse(json(moved).read("$.startsAt"))).isEqualTo(later);
        assertThat(Instant.parse(json(moved).read("$.endsAt"))).isEqualTo(later.plus(Duration.ofMinutes(120)));
        ScreeningChanged changed = catalogEvents(Long.toString(hall), 3).stream()
                .filter(ScreeningChanged.class::isInstance).map(ScreeningChanged.class::cast)
                .filter(e -> e.getScreeningId() == screening).findFirst().orElseThrow();
        assertThat(changed.getStartsAt()).isEqualTo(later);
        assertThat(changed.getEndsAt()).isEqualTo(later.plus(Duration.ofMinutes(120)));
        assertThat(changed.getPrices()).containsEntry("STANDARD", 4000L);
        assertThat(changed.getLayoutVersion()).isEqualTo(1);
        String order = Api.heldOrder(screening, "B4", "B5");
        assertThat(json(SignedIn.ownerOf(order).orElseThrow().get("/api/orders/" + order))
                .<Integer>read("$.amount.minor")).isEqualTo(8000);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.count("SELECT COUNT(*) FROM known_order k"
                + " JOIN screening s ON s.id = k.screening_id WHERE k.order_id = '" + cancelled + "'"
                + " AND k.screening_starts_at = s.starts_at") == 1);
    }

    /**
     * A screening with a held seat is not moved (screening-has-sales) but may be repriced, for new orders only;
     * each other refusal of a change is its own problem and writes nothing.
     */
    @Test
    void changesThatWouldHurtCustomersOrBreakTheScheduleAreRefused() throws Exception {
        long hall = shop.hall();
        long sold = shop.screening(hall, at(11, 10), Fixture.ALL_PRICES);
        long next = shop.screening(hall, at(11, 14), Fixture.ALL_PRICES);
        shop.staff.post("/api/screenings/" + sold + "/publish", "");
        String held = Api.heldOrder(sold, "B4", "B5");
        String before = String.join(",", Api.query("SELECT CONCAT_WS('|', id, starts_at, ends_at) FROM screening"
                + " WHERE hall_id = " + hall + " ORDER BY id"));

        assertRefused(shop.staff.patch("/api/screenings/" + sold, "{\"startsAt\":\"" + at(11, 20) + "\"}"),
                409, "screening-has-sales");
        assertRefused(shop.staff.patch("/api/screenings/" + next, "{\"startsAt\":\"" + at(11, 11) + "\"}"),
                409, "screening-overlap");
        assertRefused(shop.staff.patch("/api/screenings/" + next, "{\"startsAt\":\"" + at(40, 10) + "\"}"),
                422, "outside-licence");
        assertRefused(shop.staff.patch("/api/screenings/" + next, "{\"prices\":{\"STANDARD\":1}}"),
                422, "price-missing");
        assertRefused(shop.staff.patch("/api/screenings/" + next, "{}"), 400, "invalid-request");
        assertRefused(SignedIn.staff(shop.merchant + 1000).patch("/api/screenings/" + next,
                "{\"startsAt\":\"" + at(11, 19) + "\"}"), 403, "forbidden-merchant");
        assertThat(String.join(",", Api.query("SELECT CONCAT_WS('|', id, starts_at, ends_at) FROM screening"
                + " WHERE hall_id = " + hall + " ORDER BY id"))).isEqualTo(before);

        HttpResponse<String> repriced = shop.staff.patch("/api/screenings/" + sold,
                "{\"prices\":{\"STANDARD\":9900,\"LOVE_SEAT\":9900,\"WHEELCHAIR\":9900,\"COMPANION\":9900}}");
        assertThat(repriced.statusCode()).as(repriced.body()).isEqualTo(200);
        assertThat(json(SignedIn.ownerOf(held).orElseThrow().get("/api/orders/" + held))
                .<Integer>read("$.amount.minor")).isEqualTo(10000);

        shop.staff.post("/api/screenings/" + next + "/cancel", "{}");
        assertRefused(shop.staff.patch("/api/screenings/" + next, "{\"startsAt\":\"" + at(11, 19) + "\"}"),
                409, "screening-cancelled");
        long started = shop.screening(hall, at(12, 10), Fixture.ALL_PRICES);
        Api.execute("UPDATE screening SET starts_at = NOW() - INTERVAL 1 HOUR, ends_at = NOW() + INTERVAL 1 HOUR"
                + " WHERE id = " + started);
        assertRefused(shop.staff.patch("/api/screenings/" + started, "{\"prices\":" + "{\"STANDARD\":1,"
                + "\"LOVE_SEAT\":1,\"WHEELCHAIR\":1,\"COMPANION\":1}}"), 409, "screening-started");
    }

    /**
     * The allocator sells each screening by the layout version it was scheduled with: a seat only the first layout
     * has is held on the screening scheduled before the change and refused unknown-seat on the one after, and the
     * other way round for a seat only the second layout has.
     */
    @Test
    void eachScreeningSellsTheLayoutItWasScheduledWith() throws Exception {
        long hall = shop.hall();
        long before = shop.screening(hall, at(13, 10), Fixture.ALL_PRICES);
        shop.staff.post("/api/screenings/" + before + "/publish", "");
        HttpResponse<String> changed = shop.staff.put("/api/halls/" + hall + "/layout",
                "{\"rows\":[\"SSSSSSSSS\",\"SSSSSSSSS\"]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        long after = shop.screening(hall, at(13, 14), Map.of("STANDARD", 4000L));
        shop.staff.post("/api/screenings/" + after + "/publish", "");
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.count("SELECT COUNT(*) FROM allocator_screening"
                + " WHERE screening_id IN (" + before + ", " + after + ") AND layout_version IS NOT NULL") == 2);
        String firstOnly = onlyIn(hall, 1, 2);
        String secondOnly = onlyIn(hall, 2, 1);

        assertThat(Api.heldOrder(before, firstOnly)).isNotBlank();
        assertUnknownSeat(after, firstOnly);
        assertUnknownSeat(before, secondOnly);
        assertThat(Api.heldOrder(after, secondOnly)).isNotBlank();
        assertThat(Api.query("SELECT CONCAT(screening_id, ':', layout_version) FROM allocator_screening"
                + " WHERE screening_id IN (" + before + ", " + after + ")"))
                .containsExactlyInAnyOrder(before + ":1", after + ":2");
    }

    /** A standard seat of the hall's layout {@code version} that layout {@code other} does not have. */
    private static String onlyIn(long hall, int version, int other) throws Exception {
        return Api.query("SELECT label FROM hall_seat s WHERE hall_id = " + hall + " AND layout_version = " + version
                + " AND seat_type = 'STANDARD' AND NOT EXISTS (SELECT 1 FROM hall_seat o WHERE o.hall_id = s.hall_id"
                + " AND o.layout_version = " + other + " AND o.label = s.label) ORDER BY grid_row DESC, grid_col DESC LIMIT 1")
                .getFirst();
    }

    private static void assertUnknownSeat(long screening, String seat) throws Exception {
        HttpResponse<String> refused = SignedIn.customer().post("/api/orders",
                "{\"screeningId\":" + screening + ",\"seats\":[\"" + seat + "\"]}");
        assertRefused(refused, 422, "unknown-seat");
    }

    @Test
    void customersBrowseAPageAtATimeWithETagsAndCacheControl() throws Exception {
        long hall = shop.hall();
        long onSale = shop.screening(hall, at(9, 10), Fixture.ALL_PRICES);
        long later = shop.screening(hall, at(9, 13), Fixture.ALL_PRICES);
        long scheduledOnly = shop.screening(hall, at(9, 16), Fixture.ALL_PRICES);
        long cancelled = shop.screening(hall, at(9, 19), Fixture.ALL_PRICES);
        for (long s : List.of(onSale, later, cancelled)) {
            shop.staff.post("/api/screenings/" + s + "/publish", "");
        }
        shop.staff.post("/api/screenings/" + cancelled + "/cancel", "{}");
        Api.heldOrder(onSale, "B4", "B5");
        String day = LocalDate.now().plusDays(9).toString();
        String path = "/api/screenings?cinemaId=" + shop.cinema + "&day=" + day;

        // seats left come from the seat map, at most marquee.seat-map.max-age behind the ledger
        await().atMost(Duration.ofSeconds(5)).until(() -> json(SignedIn.anonymous().get(path))
                .<List<Integer>>read("$[*].seatsLeft").equals(List.of(20, 22)));
        HttpResponse<String> all = SignedIn.anonymous().get(path);
        HttpResponse<String> second = SignedIn.anonymous().get(path + "&page=1&size=1");
        HttpResponse<String> revalidated = SignedIn.anonymous().get(path,
                Map.of("If-None-Match", all.headers().firstValue("ETag").orElseThrow()));

        assertThat(json(all).<List<Integer>>read("$[*].id")).containsExactly((int) onSale, (int) later);
        assertThat(json(all).<List<Integer>>read("$[*].seatsLeft")).containsExactly(20, 22);
        assertThat(all.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("public", "max-age="));
        assertThat(json(second).<List<Integer>>read("$[*].id")).containsExactly((int) later);
        assertThat(second.headers().firstValue("X-Total-Count")).hasValue("2");
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        shop.staff.post("/api/screenings/" + scheduledOnly + "/publish", "");
        assertThat(SignedIn.anonymous().get(path, Map.of("If-None-Match",
                all.headers().firstValue("ETag").orElseThrow())).statusCode()).isEqualTo(200);
    }

    @Test
    void cinemasByCityNearestFirstAndMoviesComingSoon() throws Exception {
        String city = "City " + RUN;
        for (String[] c : List.of(new String[] {"far", "31.23", "121.47"}, new String[] {"near", "30.26", "120.17"})) {
            HttpResponse<String> created = admin.post("/api/admin/merchants/" + shop.merchant + "/cinemas",
                    "{\"code\":\"" + c[0] + "-" + IDS.next() + "\",\"name\":\"" + c[0] + "\",\"city\":\"" + city
                            + "\",\"address\":\"x\",\"latitude\":" + c[1] + ",\"longitude\":" + c[2] + "}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        HttpResponse<String> coming = admin.post("/api/admin/movies", "{\"code\":\"soon-" + IDS.next()
                + "\",\"title\":\"Soon " + RUN + "\",\"durationMinutes\":100,\"openingDay\":\""
                + LocalDate.now().plusDays(20) + "\",\"status\":\"COMING_SOON\"}");

        HttpResponse<String> nearest = SignedIn.anonymous().get("/api/cinemas?city=" + city.replace(" ", "%20")
                + "&near=30.25,120.16");
        HttpResponse<String> soon = SignedIn.anonymous().get("/api/movies?status=COMING_SOON&size=100");

        assertThat(json(nearest).<List<String>>read("$[*].name")).containsExactly("near", "far");
        assertThat(json(nearest).<Double>read("$[0].distanceKm")).isLessThan(2.0);
        assertThat(json(soon).<List<String>>read("$[*].title")).contains("Soon " + RUN).doesNotContain("main");
        assertThat(json(soon).<List<String>>read("$[*].status")).containsOnly("COMING_SOON");
        assertThat(coming.statusCode()).isEqualTo(201);
    }

    /** README's hall bodies (requests/hall.json, requests/hall-unpaired-love-seat.json) answer as it says. */
    @Test
    void theReadmesHallBodiesAnswerAsItSays() throws Exception {
        HttpResponse<String> hall = shop.staff.post("/api/cinemas/" + shop.cinema + "/halls",
                java.nio.file.Files.readString(java.nio.file.Path.of("..", "requests", "hall.json"))
                        .replace("Hall 1", "Readme hall " + RUN));
        HttpResponse<String> unpaired = shop.staff.post("/api/cinemas/" + shop.cinema + "/halls",
                java.nio.file.Files.readString(java.nio.file.Path.of("..", "requests", "hall-unpaired-love-seat.json")));

        assertThat(hall.statusCode()).as(hall.body()).isEqualTo(201);
        assertThat(json(hall).<Integer>read("$.seats")).isEqualTo(84);
        assertRefused(unpaired, 422, "layout-invalid");
        assertThat(json(unpaired).<List<Integer>>read("$.errors[*].col")).containsExactly(3);
    }

    // ---------------------------------------------------------------------------------------------------------

    static Instant at(int daysAhead, int hour) {
        return LocalDate.now().plusDays(daysAhead).atTime(hour, 0).atZone(ZoneId.systemDefault()).toInstant();
    }

    static long screeningsIn(long hall) throws Exception {
        return Api.count("SELECT COUNT(*) FROM screening WHERE hall_id = " + hall);
    }

    static void assertRefused(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(json(answer).<String>read("$.code")).isEqualTo(code);
    }

    /** The catalog events of this key, once at least {@code atLeast} are on the topic. */
    static List<Object> catalogEvents(String key, int atLeast) {
        List<Object> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            EmbeddedStack stack = EmbeddedStack.shared();
            try (KafkaConsumer<String, Object> events = TopicReader.fromBeginning(stack.kafkaBootstrapServers(),
                    stack.schemaRegistryUrl(), Topics.CATALOG_EVENTS)) {
                int empty = 0;
                while (empty < 3) {
                    var batch = events.poll(Duration.ofMillis(300));
                    empty = batch.isEmpty() ? empty + 1 : 0;
                    for (ConsumerRecord<String, Object> r : batch) {
                        if (key.equals(r.key())) {
                            found.add(r.value());
                        }
                    }
                }
            }
            return found.size() >= atLeast;
        });
        return found;
    }

    static final class AtomicIds {
        private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        String next() {
            return RUN + "-" + next.incrementAndGet();
        }
    }

    /** A merchant of its own with a cinema, a licensed 90-minute movie (and one whose licence gets revoked). */
    static final class Fixture {

        static final Map<String, Long> ALL_PRICES = Map.of("STANDARD", 5000L, "LOVE_SEAT", 9000L,
                "WHEELCHAIR", 3000L, "COMPANION", 3000L);

        long merchant;
        long cinema;
        long movie;
        long revocable;
        SignedIn staff;

        static Fixture create(String name) throws Exception {
            Fixture f = new Fixture();
            HttpResponse<String> merchant = admin.post("/api/admin/merchants",
                    "{\"code\":\"m-" + IDS.next() + "\",\"name\":\"" + name + "\"}");
            assertThat(merchant.statusCode()).as(merchant.body()).isEqualTo(201);
            f.merchant = ((Number) json(merchant).read("$.id")).longValue();
            HttpResponse<String> cinema = admin.post("/api/admin/merchants/" + f.merchant + "/cinemas",
                    cinemaBody("c-" + IDS.next()));
            assertThat(cinema.statusCode()).as(cinema.body()).isEqualTo(201);
            f.cinema = ((Number) json(cinema).read("$.id")).longValue();
            f.movie = movie("main");
            f.revocable = movie("revocable");
            for (long movie : List.of(f.movie, f.revocable)) {
                HttpResponse<String> licence = admin.post("/api/admin/licences", "{\"cinemaId\":" + f.cinema
                        + ",\"movieId\":" + movie + ",\"validFrom\":\"" + LocalDate.now() + "\",\"validTo\":\""
                        + LocalDate.now().plusDays(30) + "\"}");
                assertThat(licence.statusCode()).as(licence.body()).isEqualTo(201);
            }
            f.staff = SignedIn.staff(f.merchant);
            return f;
        }

        static String cinemaBody(String code) {
            return "{\"code\":\"" + code + "\",\"name\":\"Test Cinema\",\"city\":\"Hangzhou\","
                    + "\"address\":\"1 Lake Road\",\"latitude\":30.25,\"longitude\":120.16}";
        }

        static long movie(String title) throws Exception {
            HttpResponse<String> movie = admin.post("/api/admin/movies", "{\"code\":\"mv-" + IDS.next()
                    + "\",\"title\":\"" + title + "\",\"durationMinutes\":90,\"format\":\"2D\",\"openingDay\":\""
                    + LocalDate.now() + "\",\"status\":\"SHOWING\"}");
            assertThat(movie.statusCode()).as(movie.body()).isEqualTo(201);
            return ((Number) json(movie).read("$.id")).longValue();
        }

        /** A hall of 22 seats: a wheelchair place with its companion, love seats and standard seats. */
        long hall() throws Exception {
            HttpResponse<String> hall = staff.post("/api/cinemas/" + cinema + "/halls", "{\"name\":\"Hall "
                    + IDS.next() + "\",\"rows\":[\"WC_SSSS\",\"SSS_SSSS\",\"LL_LLLL\",\"__\",\"SSS\"]}");
            assertThat(hall.statusCode()).as(hall.body()).isEqualTo(201);
            return ((Number) json(hall).read("$.hallId")).longValue();
        }

        long screening(long hall, Instant startsAt, Map<String, Long> prices) throws Exception {
            HttpResponse<String> scheduled = schedule(hall, movie, startsAt, prices);
            assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
            return ((Number) json(scheduled).read("$.id")).longValue();
        }

        long hallOf(long screening) throws Exception {
            return Api.count("SELECT hall_id FROM screening WHERE id = " + screening);
        }

        HttpResponse<String> schedule(long hall, long movie, Instant startsAt, Map<String, Long> prices)
                throws Exception {
            return schedule(staff, hall, movie, startsAt, prices);
        }

        HttpResponse<String> schedule(SignedIn who, long hall, long movie, Instant startsAt, Map<String, Long> prices)
                throws Exception {
            return who.post("/api/halls/" + hall + "/screenings", body(movie, startsAt, prices));
        }

        static String body(long movie, Instant startsAt, Map<String, Long> prices) {
            StringBuilder p = new StringBuilder();
            prices.forEach((type, amount) -> p.append(p.isEmpty() ? "" : ",").append('"').append(type).append("\":")
                    .append(amount));
            return "{\"movieId\":" + movie + ",\"startsAt\":\"" + startsAt + "\",\"prices\":{" + p
                    + "},\"currency\":\"CNY\"}";
        }
    }
}
