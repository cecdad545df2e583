package dev.marquee.boxoffice;

import static dev.marquee.boxoffice.Script.Fate.EXPIRED;
import static dev.marquee.boxoffice.Script.Fate.LATE_MONEY_REFUNDED;
import static dev.marquee.boxoffice.Script.Fate.PAID;
import static dev.marquee.boxoffice.Script.Fate.REFUNDED;
import static dev.marquee.boxoffice.Script.Fate.REFUNDED_BEFORE_TICKETS;
import static dev.marquee.boxoffice.Script.Fate.SECOND_PAYMENT_REFUNDED;
import static dev.marquee.boxoffice.Script.Fate.TICKETS_FIRST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.marquee.boxoffice.Script.Expected;
import dev.marquee.events.MovieChanged;
import dev.marquee.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as deployed, on the embedded stack: events in on {@code order-events} and {@code seat-events},
 * figures out over HTTP, a rebuild swapped in while it serves. Each test sells on days and movies of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoxOfficeIT {

    static final long HANGZHOU_1 = 9101;
    static final long HANGZHOU_2 = 9102;
    static final long SHANGHAI_1 = 9103;
    static final long ALPHA = 9201;
    static final long BETA = 9202;
    static final long GAMMA = 9203;
    static final LocalDate DAY = LocalDate.of(2026, 3, 14);
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    static TestStack stack;
    static ConfigurableApplicationContext app;
    static final HttpClient http = HttpClient.newHttpClient();
    static Script day;

    @BeforeAll
    static void start() {
        stack = new TestStack();
        stack.cinema(HANGZHOU_1, "Hangzhou");
        stack.cinema(HANGZHOU_2, "Hangzhou");
        stack.cinema(SHANGHAI_1, "Shanghai");
        stack.movie(ALPHA, "Alpha");
        stack.movie(BETA, "Beta");
        stack.movie(GAMMA, "Gamma");
        app = BoxOfficeApplication.application().registerShutdownHook(false).run(stack.serviceArguments());
        stack.awaitCatalog();
    }

    @AfterAll
    static void stop() {
        app.close();
        stack.close();
    }

    @Test
    @Order(1)
    void afterADayOfSalesRefundsAndExpiriesTheRankingsAreWhatTheOrdersSay() throws Exception {
        day = new Script("day")
                .order(ALPHA, HANGZHOU_1, 2, DAY, "09:10", PAID)
                .order(ALPHA, SHANGHAI_1, 1, DAY, "10:00", PAID)
                .order(BETA, HANGZHOU_2, 3, DAY, "11:30", TICKETS_FIRST)
                .order(BETA, HANGZHOU_1, 2, DAY, "12:00", REFUNDED)
                .order(GAMMA, HANGZHOU_1, 2, DAY, "12:30", EXPIRED)
                .order(GAMMA, SHANGHAI_1, 1, DAY, "13:00", LATE_MONEY_REFUNDED)
                .order(ALPHA, HANGZHOU_2, 2, DAY, "14:00", SECOND_PAYMENT_REFUNDED)
                .order(GAMMA, HANGZHOU_2, 4, DAY, "15:00", PAID)
                .order(BETA, SHANGHAI_1, 2, DAY, "16:45", PAID)
                .order(ALPHA, HANGZHOU_1, 1, DAY, "07:30", PAID) // 23:30 UTC the day before
                .order(GAMMA, HANGZHOU_1, 3, DAY.plusDays(1), "00:10", PAID) // still DAY in UTC
                .order(BETA, HANGZHOU_2, 2, DAY, "20:00", REFUNDED_BEFORE_TICKETS)
                .order(GAMMA, SHANGHAI_1, 2, DAY, "21:00", TICKETS_FIRST);

        publishAndAwait(day.events());

        assertRanking(get("/rankings?from=" + DAY + "&to=" + DAY), day.orders, DAY, DAY, null);
        assertRanking(get("/rankings?from=" + DAY + "&to=" + DAY + "&city=Hangzhou"), day.orders, DAY, DAY,
                Set.of(HANGZHOU_1, HANGZHOU_2));
        assertRanking(get("/rankings?from=" + DAY + "&to=" + DAY + "&cinemaId=" + SHANGHAI_1), day.orders, DAY, DAY,
                Set.of(SHANGHAI_1));
        assertRanking(get("/rankings?from=" + DAY.plusDays(1) + "&to=" + DAY.plusDays(1)), day.orders,
                DAY.plusDays(1), DAY.plusDays(1), null);
        assertRanking(get("/rankings?from=" + DAY + "&to=" + DAY.plusDays(1) + "&limit=2"), day.orders, DAY,
                DAY.plusDays(1), null);
        JsonNode ranking = get("/rankings?from=" + DAY + "&to=" + DAY);
        assertThat(ranking.get("rankings")).extracting(e -> e.get("title").asString())
                .containsExactly("Alpha", "Gamma", "Beta");

        JsonNode series = get("/movies/" + GAMMA + "/series?from=" + DAY.minusDays(1) + "&to=" + DAY.plusDays(1));
        assertThat(series.get("title").asString()).isEqualTo("Gamma");
        assertThat(series.get("currency").asString()).isEqualTo("CNY");
        assertThat(series.get("points")).extracting(p -> p.get("day").asString() + "=" + p.get("revenueMinor").asLong()
                + "/" + p.get("tickets").asLong()).containsExactly(DAY + "=27000/6", DAY.plusDays(1) + "=13500/3");
    }

    @Test
    @Order(2)
    void theSameEventsDeliveredAgainChangeNothing() throws Exception {
        JsonNode before = get("/rankings?from=" + DAY + "&to=" + DAY.plusDays(1));

        publishAndAwait(day.events());

        assertThat(get("/rankings?from=" + DAY + "&to=" + DAY.plusDays(1))).isEqualTo(before);
        assertRanking(before, day.orders, DAY, DAY.plusDays(1), null);
    }

    @Test
    @Order(3)
    void badQueriesAreAnsweredWithProblemDetails() throws Exception {
        assertProblem("/rankings?from=" + DAY + "&to=" + DAY.minusDays(1), "invalid-window");
        assertProblem("/rankings?from=14-03-2026", "invalid-date");
        assertProblem("/rankings?limit=0", "invalid-limit");
        assertProblem("/rankings?limit=101", "invalid-limit");
        assertProblem("/rankings?limit=ten", "invalid-limit");
        assertProblem("/rankings?cinemaId=x", "invalid-parameter");
        assertProblem("/movies/" + ALPHA + "/series?from=" + DAY + "&to=" + DAY.minusDays(3), "invalid-window");

        LocalDate dollarDay = LocalDate.of(2026, 5, 1);
        List<ProducerRecord<String, Object>> events = new ArrayList<>(new Script("usd")
                .order(ALPHA, HANGZHOU_1, 1, dollarDay, "12:00", PAID).events());
        events.add(new ProducerRecord<>(Topics.ORDER_EVENTS, "usd-2", Events.orderPaid("usd-2", "T-usd-2", BETA,
                HANGZHOU_1, 1_250, "USD", dollarDay.atStartOfDay(Script.SHANGHAI).plusHours(15).toInstant())));
        publishAndAwait(events);

        JsonNode mixed = assertProblem("/rankings?from=" + dollarDay + "&to=" + dollarDay, "mixed-currencies");
        assertThat(mixed.get("currencies")).extracting(JsonNode::asString).containsExactly("CNY", "USD");
        JsonNode dollars = get("/rankings?from=" + dollarDay + "&to=" + dollarDay + "&currency=USD");
        assertThat(dollars.get("totalRevenueMinor").asLong()).isEqualTo(1_250);
        assertThat(dollars.get("rankings").get(0).get("movieId").asLong()).isEqualTo(BETA);
    }

    @Test
    @Order(4)
    void aRebuildEqualsTheLiveFiguresAndIsSwappedInWhileTheyAreServedAndTheConsumerGoesOn() throws Exception {
        LocalDate day2 = LocalDate.of(2026, 4, 1);
        Script before = new Script("rebuild")
                .order(ALPHA, HANGZHOU_1, 2, day2, "10:00", PAID)
                .order(BETA, HANGZHOU_2, 1, day2, "11:00", TICKETS_FIRST)
                .order(GAMMA, SHANGHAI_1, 3, day2, "12:00", REFUNDED)
                .order(GAMMA, SHANGHAI_1, 4, day2, "13:00", PAID);
        publishAndAwait(before.events());
        String query = "/rankings?from=" + day2 + "&to=" + day2;
        JsonNode live = get(query);

        CompletableFuture<JsonNode> rebuild = CompletableFuture.supplyAsync(() -> post("/admin/rebuild?swap=true"));
        int served = 0;
        while (!rebuild.isDone()) {
            assertThat(get(query)).isEqualTo(live);
            served++;
        }
        JsonNode report = rebuild.join();

        assertThat(report.get("equal").asBoolean()).as("rebuild report %s", report).isTrue();
        assertThat(report.get("differingCells").asLong()).isZero();
        assertThat(report.get("swapped").asBoolean()).isTrue();
        assertThat(report.get("events").asLong()).isGreaterThanOrEqualTo(before.events().size());
        assertThat(served).isPositive();
        assertThat(get(query)).isEqualTo(live);
        assertThat(tables()).doesNotContain("box_office_cell_rebuild", "box_office_cell_old");

        Script after = new Script("after-rebuild")
                .order(ALPHA, HANGZHOU_2, 3, day2, "18:00", PAID)
                .order(BETA, SHANGHAI_1, 2, day2, "19:00", TICKETS_FIRST);
        List<ProducerRecord<String, Object>> more = new ArrayList<>(after.events());
        Script.Order refunded = before.orders.getFirst();
        more.add(new ProducerRecord<>(Topics.ORDER_EVENTS, refunded.id(), Events.refundCompleted(refunded.id(),
                refunded.tradeNo(), refunded.amountMinor(), refunded.paidAt().plusSeconds(7_200))));
        publishAndAwait(more);

        List<Script.Order> all = new ArrayList<>(before.orders);
        all.set(0, new Script.Order(refunded.id(), refunded.movie(), refunded.cinema(), refunded.seats(),
                refunded.amountMinor(), refunded.paidAt(), REFUNDED));
        all.addAll(after.orders);
        assertRanking(get(query), all, day2, day2, null);

        JsonNode check = post("/admin/rebuild?swap=false");
        assertThat(check.get("equal").asBoolean()).as("rebuild report %s", check).isTrue();
        assertThat(check.get("swapped").asBoolean()).isFalse();
        assertRanking(get(query), all, day2, day2, null);
    }

    /** The live projection catches up with a crowd of sales, and a rebuild over all of them still equals it. */
    @Test
    @Order(5)
    void aRebuildOfAMonthOfSalesEqualsTheLiveProjection() throws Exception {
        LocalDate month = LocalDate.of(2026, 8, 1);
        Script crowd = new Script("crowd");
        for (int i = 0; i < 50_000; i++) {
            crowd.order(9_500 + i % 97, HANGZHOU_1 + i % 3, 1 + i % 4, month.plusDays(i % 30),
                    "%02d:%02d".formatted(i % 24, i % 60), i % 20 == 0 ? REFUNDED : i % 7 == 0 ? TICKETS_FIRST : PAID);
        }
        long start = System.nanoTime();
        publishAndAwait(crowd.events());
        long caughtUp = System.nanoTime() - start;

        JsonNode report = post("/admin/rebuild?swap=true");

        System.out.printf("live projection: %,d events published and projected in %d ms (%,.0f events/s);"
                        + " rebuild: %s%n", crowd.events().size(), caughtUp / 1_000_000,
                crowd.events().size() * 1e9 / caughtUp, report);
        assertThat(report.get("equal").asBoolean()).as("rebuild report %s", report).isTrue();
        assertThat(report.get("events").asLong()).isGreaterThanOrEqualTo(crowd.events().size());
        assertRanking(get("/rankings?from=" + month + "&to=" + month.plusDays(29)), crowd.orders, month,
                month.plusDays(29), null);
    }

    /**
     * A record the database refuses (a currency longer than its column, from a producer that did not check it) is
     * set aside to box-office-dlt with its cause and counted; the rest of its batch is projected at once, and a
     * rebuild passes over it as the live projection did, so the two stay equal.
     */
    @Test
    @Order(6)
    void aRecordTheDatabaseRefusesIsSetAsideAndTheProjectionGoesOn() throws Exception {
        LocalDate day = LocalDate.of(2026, 9, 9);
        Script sales = new Script("refused")
                .order(ALPHA, HANGZHOU_1, 2, day, "10:00", PAID)
                .order(BETA, HANGZHOU_2, 1, day, "11:00", PAID)
                .order(GAMMA, SHANGHAI_1, 3, day, "12:00", TICKETS_FIRST);
        String refused = "refused-" + Events.id();
        List<ProducerRecord<String, Object>> events = new ArrayList<>(sales.events());
        events.add(events.size() / 2, new ProducerRecord<>(Topics.ORDER_EVENTS, refused, Events.orderPaid(refused,
                "T-" + refused, GAMMA, HANGZHOU_1, 5_000, "C".repeat(20), sales.orders.getFirst().paidAt())));
        double setAsideBefore = setAside();

        for (ProducerRecord<String, Object> event : events) {
            stack.producer.send(event);
        }
        stack.producer.flush();
        Map<TopicPartition, Long> ends = stack.endOffsets(Topics.ORDER_EVENTS, Topics.SEAT_EVENTS);
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.consumedUpTo(ends));

        assertRanking(get("/rankings?from=" + day + "&to=" + day), sales.orders, day, day, null);
        assertThat(setAside()).isEqualTo(setAsideBefore + 1);
        assertThat(deadLetterCause("box-office-dlt", refused)).contains("Data too long for column 'currency'");
        JsonNode check = post("/admin/rebuild?swap=false");
        assertThat(check.get("equal").asBoolean()).as("rebuild report %s", check).isTrue();
    }

    /**
     * A catalog event the box office's copy refuses (a title longer than its column) is dead-lettered to
     * box-office-catalog-dlt with its cause, and the next event of its partition is still applied.
     */
    @Test
    @Order(7)
    void aCatalogEventTheCopyRefusesIsDeadLetteredAndTheNextIsApplied() throws Exception {
        long movie = 9301;
        String key = Long.toString(movie);
        stack.producer.send(new ProducerRecord<>(Topics.CATALOG_EVENTS, key, MovieChanged.newBuilder()
                .setEventId(Events.id()).setOccurredAt(Instant.now()).setMovieId(movie).setTitle("T".repeat(300))
                .setDurationMinutes(120).setStatus("SHOWING").build()));
        stack.producer.send(new ProducerRecord<>(Topics.CATALOG_EVENTS, key, MovieChanged.newBuilder()
                .setEventId(Events.id()).setOccurredAt(Instant.now()).setMovieId(movie).setTitle("Delta")
                .setDurationMinutes(120).setStatus("SHOWING").build()));
        stack.producer.flush();

        await().atMost(Duration.ofSeconds(60)).until(() -> stack.jdbc.sql("SELECT title FROM box_office_movie"
                + " WHERE movie_id = ?").param(movie).query(String.class).optional().orElse(""), "Delta"::equals);
        assertThat(deadLetterCause("box-office-catalog-dlt", key)).contains("Data too long for column 'title'");
    }

    private static double setAside() {
        Counter counter = app.getBean(MeterRegistry.class).find("marquee.box-office.dead-letters").counter();
        return counter == null ? 0 : counter.count();
    }

    /** The exception message of the dead letter in this topic keyed by {@code key}, or null while there is none. */
    private static String deadLetterCause(String topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                stack.stack.kafkaBootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header message = record.headers().lastHeader("kafka_dlt-exception-message");
                    if (key.equals(record.key()) && message != null) {
                        return new String(message.value(), StandardCharsets.UTF_8);
                    }
                }
            }
            return null;
        }
    }

    private static List<String> tables() {
        return stack.jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                .query(String.class).list().stream().map(String::toLowerCase).toList();
    }

    static void publishAndAwait(List<ProducerRecord<String, Object>> events) throws Exception {
        for (ProducerRecord<String, Object> event : events) {
            stack.producer.send(event);
        }
        stack.producer.flush();
        Map<TopicPartition, Long> ends = stack.endOffsets(Topics.ORDER_EVENTS, Topics.SEAT_EVENTS);
        await().atMost(Duration.ofSeconds(300)).until(() -> stack.consumedUpTo(ends));
    }

    private static void assertRanking(JsonNode ranking, List<Script.Order> orders, LocalDate from, LocalDate to,
                                      Set<Long> cinemas) {
        List<Expected> expected = Script.ranking(orders, from, to, cinemas);
        int limit = Math.min(expected.size(), ranking.get("rankings").size());
        assertThat(ranking.get("currency").asString()).isEqualTo("CNY");
        assertThat(ranking.get("totalRevenueMinor").asLong())
                .isEqualTo(expected.stream().mapToLong(Expected::revenueMinor).sum());
        assertThat(ranking.get("totalTickets").asLong()).isEqualTo(expected.stream().mapToLong(Expected::tickets).sum());
        assertThat(ranking.get("rankings")).extracting(e -> e.get("rank").asInt() + ":" + e.get("movieId").asLong()
                        + ":" + e.get("revenueMinor").asLong() + ":" + e.get("tickets").asLong() + ":"
                        + e.get("share").decimalValue().toPlainString())
                .containsExactlyElementsOf(expected.subList(0, limit).stream().map(x -> (expected.indexOf(x) + 1)
                        + ":" + x.movieId() + ":" + x.revenueMinor() + ":" + x.tickets() + ":"
                        + x.share().toPlainString()).toList());
    }

    private static JsonNode assertProblem(String path, String code) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        return problem;
    }

    static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static JsonNode post(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer " + stack.operatorToken())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                + "/api/box-office" + path);
    }
}
