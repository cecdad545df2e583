package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitStatus;
import static dev.marquee.launcher.Api.get;
import static dev.marquee.launcher.Api.heldOrder;
import static dev.marquee.launcher.Api.json;
import static dev.marquee.launcher.Api.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.marquee.gateway.simulator.Faults;
import dev.marquee.gateway.simulator.Outcome;
import dev.marquee.gateway.simulator.PayRequest;
import dev.marquee.gateway.simulator.Trade;
import dev.marquee.stack.EmbeddedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A scripted day of sales, a refunded late payment, a refunded second payment and an expiry, through the whole
 * pipeline; then the box office's rankings against figures computed from the orders table, a rebuild against the
 * live projection, and the replay tool's CSV against the events of the day.
 */
class BoxOfficePipelineIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        SharedPipeline.get();
    }

    @Test
    void theRankingsEqualTheOrdersTableARebuildEqualsTheLiveProjectionAndTheReplayShowsTheDay(@TempDir Path dir)
            throws Exception {
        Instant dayStarts = Instant.now();
        List<String> paid = new ArrayList<>();
        long second = Api.newScreening(2, 2);
        long third = Api.newScreening(2, 3);
        paid.add(pay(heldOrder(second, "A1"), 6000));
        paid.add(pay(heldOrder(second, "A2", "A3"), 12000));
        paid.add(pay(heldOrder(second, "A4", "A5", "A6"), 18000));
        paid.add(pay(heldOrder(third, "B1", "B2"), 12000));
        String paidTwice = heldOrder(third, "B3");
        DocumentContext firstPayment = startPayment(paidTwice);
        DocumentContext secondPayment = startPayment(paidTwice);
        payAt(firstPayment, 6000);
        awaitStatus(paidTwice, "PAID");
        Trade charge = payAt(secondPayment, 6000);
        paid.add(paidTwice);
        String lateAndGone = heldOrder(third, "B4", "B5");
        DocumentContext latePayment = startPayment(lateAndGone);
        Api.lapse(lateAndGone);
        heldOrder(third, "B4", "B5");
        payAt(latePayment, 12000);
        awaitStatus(lateAndGone, "REFUNDED");
        String expired = heldOrder(third, "B6");
        Api.lapse(expired);
        awaitStatus(expired, "EXPIRED");
        await().atMost(Duration.ofSeconds(20)).until(() -> SharedPipeline.gateway().refunds().stream()
                .anyMatch(r -> r.tradeNo().equals(charge.tradeNo())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(rankedFigures()).isEqualTo(figuresFromOrdersTable()));

        DocumentContext rebuild = JsonPath.parse(send(Api.asOperator(HttpRequest.newBuilder(URI.create(boxOffice()
                + "/api/box-office/admin/rebuild?swap=true"))).POST(HttpRequest.BodyPublishers.noBody()).build()).body());
        assertThat(rebuild.<Boolean>read("$.equal")).isTrue();
        assertThat(rebuild.<Boolean>read("$.swapped")).isTrue();
        assertThat(rankedFigures()).isEqualTo(figuresFromOrdersTable());

        Path csv = dir.resolve("day.csv");
        EmbeddedStack stack = EmbeddedStack.shared();
        int exit = new CommandLine(new Marquee()).execute("replay", "order-events", "--from", dayStarts.toString(),
                "--to", Instant.now().plusSeconds(1).toString(), "--format", "csv", "--out", csv.toString(),
                "--bootstrap", stack.kafkaBootstrapServers(), "--registry", stack.schemaRegistryUrl());
        assertThat(exit).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.getFirst()).startsWith("topic,partition,offset,timestamp,key,type,event");
        for (String order : paid) {
            assertThat(rows).filteredOn(r -> r.contains("," + order + ",OrderPaid,")).hasSize(1);
        }
        assertThat(rows).filteredOn(r -> r.contains("," + lateAndGone + ",RefundCompleted,")).hasSize(1);
        assertThat(rows).filteredOn(r -> r.contains("," + expired + ",OrderExpired,")).hasSize(1);
        assertThat(rows.stream().skip(1).map(r -> Instant.parse(r.split(",")[3])))
                .allMatch(t -> !t.isBefore(dayStarts));
    }

    /** movie id → "revenue/tickets" from the box office, all days. */
    private static Map<Long, String> rankedFigures() throws Exception {
        DocumentContext ranking = JsonPath.parse(send(HttpRequest.newBuilder(URI.create(boxOffice()
                + "/api/box-office/rankings?from=2000-01-01&to=2100-12-31&limit=100")).build()).body());
        Map<Long, String> figures = new TreeMap<>();
        List<Map<String, Object>> movies = ranking.read("$.rankings");
        movies.forEach(m -> figures.put(((Number) m.get("movieId")).longValue(),
                m.get("revenueMinor") + "/" + m.get("tickets")));
        return figures;
    }

    /** The same, computed independently: every PAID order of the orders table, by its screening's movie. */
    private static Map<Long, String> figuresFromOrdersTable() throws Exception {
        Map<Long, String> figures = new TreeMap<>();
        Api.query("SELECT s.movie_id, CONCAT(SUM(o.amount_minor), '/', SUM(o.seat_count)) FROM customer_order o"
                + " JOIN screening s ON s.id = o.screening_id WHERE o.status = 'PAID' GROUP BY s.movie_id")
                .forEach(row -> figures.put(Long.parseLong(row.split("=")[0]), row.split("=")[1]));
        return figures;
    }

    private static DocumentContext startPayment(String order) throws Exception {
        HttpResponse<String> started = post("/api/orders/" + order + "/payments", "{\"gateway\":\"stripe\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return json(started);
    }

    private static String pay(String order, long amount) throws Exception {
        payAt(startPayment(order), amount);
        awaitStatus(order, "PAID");
        return order;
    }

    private static Trade payAt(DocumentContext started, long amount) {
        return SharedPipeline.gateway().pay(new PayRequest("stripe", started.read("$.paymentId"), amount, "CNY",
                URI.create(SharedPipeline.baseUrl() + "/api/payments/stripe/notify"), Outcome.SUCCESS, Faults.none()));
    }

    private static String boxOffice() {
        return "http://127.0.0.1:" + SharedPipeline.get().port("box-office");
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
