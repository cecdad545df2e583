package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitDecision;
import static dev.marquee.launcher.Api.count;
import static dev.marquee.launcher.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import dev.marquee.events.ScreeningCancelled;
import dev.marquee.gateway.simulator.Faults;
import dev.marquee.gateway.simulator.Outcome;
import dev.marquee.gateway.simulator.PayRequest;
import dev.marquee.schemas.Topics;
import dev.marquee.schemas.serde.ConfluentAvroSerializer;
import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A screening cancelled in the middle of a flash sale: the allocator, told by ScreeningCancelled on catalog-events
 * (sent here as order-api's catalog would), releases every hold of it and holds nothing more, however the orders
 * race the event; payment-listener refunds every payment of it, taken before the cancel or racing it, and sells no
 * seat after it. The event is sent while clients are still ordering and paying.
 */
class ScreeningCancellationIT {

    /** 36 clients of 4 orders of 2 seats: 288 of hall 2's 300 seats, 8 a customer (the limit is 10). */
    static final int CLIENTS = 36;
    static final int ORDERS_EACH = 4;

    @BeforeAll
    static void start() {
        SharedPipeline.get();
    }

    @Test
    void aScreeningCancelledDuringAFlashSaleReleasesEveryHoldAndHoldsNothingAfter() throws Exception {
        long screening = Api.newScreening(2);
        List<String> paidBefore = new ArrayList<>();
        for (String seats : List.of("O11,O12", "O13,O14")) {
            String order = Api.heldOrder(screening, seats.split(","));
            pay(startPayment(order));
            Api.awaitStatus(order, "PAID");
            paidBefore.add(order);
        }
        List<DocumentContext> payingDuring = new ArrayList<>();
        for (String seats : List.of("O15,O16", "O17,O18", "O19,O20")) {
            payingDuring.add(startPayment(Api.heldOrder(screening, seats.split(","))));
        }
        ConcurrentLinkedQueue<String> orderIds = new ConcurrentLinkedQueue<>();
        CyclicBarrier go = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                SignedIn customer = SignedIn.customer();
                done.add(clients.submit(() -> {
                    go.await(30, TimeUnit.SECONDS);
                    for (int n = 0; n < ORDERS_EACH; n++) {
                        // each client its own seats (rows A-L, two seats an order): no order is refused for a taken seat
                        int seat = client * ORDERS_EACH + n;
                        String row = String.valueOf((char) ('A' + seat / 10));
                        int col = 2 * (seat % 10) + 1;
                        HttpResponse<String> answer = customer.post("/api/orders", "{\"screeningId\":" + screening
                                + ",\"seats\":[\"" + row + col + "\",\"" + row + (col + 1) + "\"]}");
                        if (answer.statusCode() == 202) {
                            orderIds.add(json(answer).read("$.id"));
                        }
                        Thread.sleep(50); // a crowd arriving over a second or two, not one instant
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM allocation WHERE"
                    + " screening_id = " + screening + " AND outcome = 'HELD'") >= 10);
            cancel(screening, 2);
            payingDuring.forEach(started -> done.add(clients.submit(() -> pay(started))));
            for (Future<?> client : done) {
                client.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(orderIds).hasSizeGreaterThan(CLIENTS);
        for (String id : orderIds) {
            awaitDecision(id);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM allocator_screening WHERE"
                + " screening_id = " + screening + " AND cancelled_at IS NOT NULL") == 1);
        long held = count("SELECT COUNT(*) FROM allocation WHERE screening_id = " + screening + " AND outcome = 'HELD'");
        long rejectedClosed = count("SELECT COUNT(*) FROM allocation WHERE screening_id = " + screening
                + " AND outcome = 'REJECTED' AND reason = 'SCREENING_CLOSED'");
        assertThat(held).as("orders held before the cancel").isPositive();
        assertThat(rejectedClosed).as("orders refused after the cancel").isPositive();
        assertThat(held + rejectedClosed).isEqualTo(count("SELECT COUNT(*) FROM allocation WHERE screening_id = "
                + screening));
        assertThat(count("SELECT COUNT(*) FROM allocation a JOIN allocator_screening s ON s.screening_id ="
                + " a.screening_id WHERE a.screening_id = " + screening + " AND a.outcome = 'HELD'"
                + " AND a.decided_at > s.cancelled_at")).as("orders held after the cancel").isZero();
        assertThat(count("SELECT COUNT(*) FROM allocation WHERE screening_id = " + screening + " AND outcome = 'HELD'"
                + " AND (closed_by IS NULL OR closed_by <> 'SHOW_CANCELLED')")).as("holds left open").isZero();

        // every accepted order ends: a released hold is CANCELLED in order-api (its customer's client shows it),
        // none stays HELD
        for (String id : orderIds) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                    json(SignedIn.operator().get("/api/orders/" + id)).<String>read("$.status")).as(id)
                    .isIn("CANCELLED", "REJECTED", "PAID", "REFUND_PENDING", "REFUNDED"));
        }

        List<String> tradeNos = new ArrayList<>();
        for (String order : paidBefore) { // paid, then its money taken back: the show will not happen
            tradeNos.add(Api.awaitStatus(order, "REFUNDED").read("$.payments[0].tradeNo"));
        }
        for (DocumentContext started : payingDuring) {
            String order = started.read("$.orderId");
            DocumentContext refunded = await().atMost(Duration.ofSeconds(30)).until(
                    () -> json(Api.get("/api/orders/" + order)), o -> o.<List<String>>read("$.payments[*].tradeNo")
                            .size() == 1 && "REFUNDED".equals(o.read("$.status")));
            assertThat(refunded.<List<String>>read("$.payments[*].reason")).containsExactly("SCREENING_CANCELLED");
            tradeNos.add(refunded.read("$.payments[0].tradeNo"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SharedPipeline.gateway().refunds())
                .extracting(r -> r.tradeNo()).as("every payment of the screening refunded, once")
                .containsAll(tradeNos).filteredOn(tradeNos::contains).doesNotHaveDuplicates());
        assertThat(count("SELECT COUNT(*) FROM payment_trade t JOIN cancelled_screening c ON c.screening_id = "
                + screening + " WHERE t.order_id IN (SELECT order_id FROM allocation WHERE screening_id = "
                + screening + ") AND t.outcome = 'PAID' AND t.decided_at > c.cancelled_at"))
                .as("payments that sold seats after the cancel").isZero();
        assertThat(count("SELECT COUNT(*) FROM seat_claim WHERE screening_id = " + screening
                + " AND order_id NOT IN ('" + String.join("','", paidBefore) + "')"))
                .as("seats claimed but by the orders paid before the cancel").isZero();

        HttpResponse<String> late = SignedIn.customer().post("/api/orders", "{\"screeningId\":" + screening
                + ",\"seats\":[\"O9\"]}");
        if (late.statusCode() == 202) {
            String lateId = json(late).read("$.id");
            assertThat(awaitDecision(lateId).<String>read("$.status")).isEqualTo("REJECTED");
            assertThat(count("SELECT COUNT(*) FROM allocation WHERE order_id = '" + lateId
                    + "' AND reason = 'SCREENING_CLOSED'")).isOne();
        } else { // order-api's catalog knows it too and refuses at the edge
            assertThat(json(late).<String>read("$.code")).isEqualTo("screening-closed");
        }
    }

    private static DocumentContext startPayment(String order) throws Exception {
        HttpResponse<String> started = Api.post("/api/orders/" + order + "/payments", "{\"gateway\":\"stripe\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return json(started);
    }

    private static Void pay(DocumentContext started) {
        SharedPipeline.gateway().pay(new PayRequest("stripe", started.read("$.paymentId"), 12_000, "CNY",
                URI.create(SharedPipeline.baseUrl() + "/api/payments/stripe/notify"), Outcome.SUCCESS, Faults.none()));
        return null;
    }

    /** What order-api's catalog publishes when staff cancel a screening. */
    static void cancel(long screening, long hall) throws Exception {
        publish(Long.toString(hall), ScreeningCancelled.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setScreeningId(screening).setHallId(hall).setReason("projector fire")
                .build());
    }

    /** A catalog event on catalog-events, as outbox-relay relays it from order-api's outbox. */
    static void publish(String key, Object event) throws Exception {
        EmbeddedStack stack = EmbeddedStack.shared();
        Map<String, Object> config = Map.of("bootstrap.servers", stack.kafkaBootstrapServers(),
                "schema.registry.url", stack.properties().get("marquee.schema-registry.url"),
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
        ConfluentAvroSerializer values = new ConfluentAvroSerializer();
        values.configure(config, false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
            producer.send(new ProducerRecord<>(Topics.CATALOG_EVENTS, key, event)).get();
        }
    }
}
