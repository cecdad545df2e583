package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitStatus;
import static dev.marquee.launcher.Api.count;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.jayway.jsonpath.DocumentContext;
import dev.marquee.events.OrderPaid;
import dev.marquee.gateway.AlipaySigner;
import dev.marquee.gateway.AlipayTime;
import dev.marquee.gateway.GatewayKeys;
import dev.marquee.gateway.StripeSigner;
import dev.marquee.gateway.simulator.Faults;
import dev.marquee.gateway.simulator.GatewaySimulator;
import dev.marquee.gateway.simulator.Outcome;
import dev.marquee.gateway.simulator.PayRequest;
import dev.marquee.gateway.simulator.SimulatorSettings;
import dev.marquee.launcher.bench.TopicReader;
import dev.marquee.orderapi.OrderApiApplication;
import dev.marquee.schemas.Topics;
import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Payments end to end: order-api's payment start and notify endpoint, the gateway simulator signing and resending
 * like Alipay and Stripe, payment-listener under the hall lock and fence, refunds at the simulator.
 */
class PaymentPipelineIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        SharedPipeline.get();
    }

    @Test
    void aPaidOrderEndsPaidWithItsTicketsAndItsSeatsSold() throws Exception {
        String order = heldOrder(Api.newScreening(2), "D1", "D2");
        DocumentContext started = startPayment(order, "alipay");
        assertThat(started.<String>read("$.payUrl")).contains("/alipay/pay?out_trade_no=" + started.read("$.paymentId"))
                .contains("total_amount=120.00");

        assertThat(json(post("/api/orders/" + order + "/payments/claimed", "")).<String>read("$.status"))
                .isEqualTo("PAYMENT_PENDING");
        pay(started, 12000, Faults.none());

        DocumentContext paid = awaitStatus(order, "PAID");
        assertThat(paid.<List<String>>read("$.payments[*].status")).containsExactly("PAID");
        await().atMost(Duration.ofSeconds(10)).until(() -> json(get("/api/orders/" + order))
                .<List<String>>read("$.tickets[*].seat").size() == 2);
        assertThat(json(get("/api/orders/" + order)).<List<String>>read("$.tickets[*].seat")).containsExactly("D1", "D2");
        assertThat(count("SELECT COUNT(*) FROM seat_claim WHERE order_id = '" + order + "' AND hold_until IS NULL"))
                .isEqualTo(2);
    }

    @Test
    void aStripeStyleWebhookPaysToo() throws Exception {
        String order = heldOrder(Api.newScreening(2), "D3");
        pay(startPayment(order, "stripe"), 6000, Faults.none());

        assertThat(awaitStatus(order, "PAID").<List<String>>read("$.payments[*].gateway")).containsExactly("stripe");
    }

    @Test
    void theSameCallbackDeliveredFiveTimesYieldsOnePaymentAndOneOrderPaid() throws Exception {
        String order = heldOrder(Api.newScreening(2), "D4");
        pay(startPayment(order, "alipay"), 6000, new Faults(4, Duration.ZERO, false, false));

        awaitStatus(order, "PAID");
        assertThat(SharedPipeline.gateway().awaitQuiet(Duration.ofSeconds(30))).isTrue();
        assertThat(count("SELECT COUNT(*) FROM payment_trade WHERE order_id = '" + order + "'")).isEqualTo(1);
        assertThat(orderPaidEventIds(order)).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM order_ticket WHERE order_id = '" + order + "'")).isEqualTo(1);
    }

    @Test
    void aBadSignatureAWrongAmountOrAnUnknownPaymentIsRefusedAndSellsNothing() throws Exception {
        String order = heldOrder(Api.newScreening(2), "D5");
        DocumentContext started = startPayment(order, "alipay");
        String paymentId = started.read("$.paymentId");

        Map<String, String> forged = new AlipaySigner(GatewayKeys.generateRsa().getPrivate())
                .sign(alipayNotice(paymentId, "60.00"));
        HttpResponse<String> badSignature = notify("alipay", forged);
        assertThat(badSignature.statusCode()).isEqualTo(400);
        assertThat(json(badSignature).<String>read("$.code")).isEqualTo("signature-invalid");

        HttpResponse<String> unknown = notify("alipay", SharedPipeline.alipaySigner()
                .sign(alipayNotice("no-such-payment", "60.00")));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).<String>read("$.code")).isEqualTo("payment-unknown");

        Map<String, String> stale = alipayNotice(paymentId, "60.00");
        stale.put("notify_time", AlipayTime.format(Instant.now().minus(Duration.ofHours(1))));
        HttpResponse<String> replayedLater = notify("alipay", SharedPipeline.alipaySigner().sign(stale));
        assertThat(replayedLater.statusCode()).isEqualTo(400);
        assertThat(json(replayedLater).<String>read("$.code")).isEqualTo("notification-stale");
        assertThat(json(get("/api/orders/" + order)).<String>read("$.status")).isEqualTo("HELD");

        pay(started, 5999, Faults.none());
        await().atMost(Duration.ofSeconds(20)).until(() -> "FLAGGED".equals(
                json(get("/api/orders/" + order)).read("$.payments[0].status")));
        DocumentContext flagged = json(get("/api/orders/" + order));
        assertThat(flagged.<String>read("$.status")).isEqualTo("HELD");
        assertThat(flagged.<String>read("$.payments[0].reason")).isEqualTo("AMOUNT_MISMATCH");
        assertThat(count("SELECT COUNT(*) FROM seat_claim WHERE order_id = '" + order + "' AND hold_until IS NULL"))
                .isZero();
    }

    /** Alipay's integration rules: a notice signed by Alipay for another merchant's app or seller is not ours. */
    @Test
    void anAlipayNoticeForAnotherAppOrSellerIsRefusedAndPaysNothing() throws Exception {
        String order = heldOrder(Api.newScreening(2), "D7");
        String paymentId = startPayment(order, "alipay").read("$.paymentId");

        Map<String, String> otherApp = alipayNotice(paymentId, "60.00");
        otherApp.put("app_id", "2021000000009999");
        HttpResponse<String> refusedApp = notify("alipay", SharedPipeline.alipaySigner().sign(otherApp));
        Map<String, String> otherSeller = alipayNotice(paymentId, "60.00");
        otherSeller.put("seller_id", "2088000000009999");
        HttpResponse<String> refusedSeller = notify("alipay", SharedPipeline.alipaySigner().sign(otherSeller));

        assertThat(refusedApp.statusCode()).isEqualTo(400);
        assertThat(json(refusedApp).<String>read("$.code")).isEqualTo("notification-not-ours");
        assertThat(refusedSeller.statusCode()).isEqualTo(400);
        assertThat(json(refusedSeller).<String>read("$.code")).isEqualTo("notification-not-ours");
        HttpResponse<String> ours = notify("alipay", SharedPipeline.alipaySigner().sign(alipayNotice(paymentId,
                "60.00")));
        assertThat(ours.body()).isEqualTo("success");
        awaitStatus(order, "PAID");
    }

    /**
     * Stripe sends an endpoint every event type its account subscribes to, retries any non-2xx answer for days and
     * disables endpoints that keep failing: an authentic event we do not act on is answered 2xx and ignored.
     */
    @Test
    void aStripeEventOfAnotherTypeIsAnswered2xxAndIgnored() throws Exception {
        byte[] charge = ("{\"id\":\"evt_charge_" + System.nanoTime() + "\",\"object\":\"event\",\"type\":"
                + "\"charge.succeeded\",\"created\":" + Instant.now().getEpochSecond() + ",\"data\":{\"object\":"
                + "{\"id\":\"ch_1\",\"object\":\"charge\",\"amount\":6000,\"currency\":\"cny\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        String secret = SharedPipeline.gatewayProperties().get("marquee.payments.gateways.stripe.webhook-secret");
        String signature = new StripeSigner(secret).signatureHeader(Instant.now().getEpochSecond(), charge);

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(notifyUrl("stripe"))
                .header("Content-Type", "application/json").header(StripeSigner.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(charge)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(notifyUrl("stripe"))
                .header("Content-Type", "application/json")
                .header(StripeSigner.HEADER, new StripeSigner("whsec_other").signatureHeader(
                        Instant.now().getEpochSecond(), charge))
                .POST(HttpRequest.BodyPublishers.ofByteArray(charge)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(json(get("/actuator/metrics/marquee.payments.notifications.ignored?tag=type:charge.succeeded"))
                .<Double>read("$.measurements[0].value")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aFailureArrivingAfterTheSuccessDoesNotUndoThePayment() throws Exception {
        String order = heldOrder(Api.newScreening(2), "D6");
        pay(startPayment(order, "alipay"), 6000, new Faults(0, Duration.ZERO, true, false));

        awaitStatus(order, "PAID");
        assertThat(SharedPipeline.gateway().awaitQuiet(Duration.ofSeconds(30))).isTrue();
        // the late failure notice reaches payment-listener and order-api meanwhile, and changes nothing
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20))
                .until(() -> "PAID".equals(json(get("/api/orders/" + order)).read("$.status")));
        DocumentContext after = json(get("/api/orders/" + order));
        assertThat(after.<String>read("$.status")).isEqualTo("PAID");
        assertThat(after.<List<String>>read("$.payments[*].status")).containsExactly("PAID");
    }

    @Test
    void aPaymentAfterTheHoldLapsedRetakesTheSameSeatsWhileTheyAreFree() throws Exception {
        String order = heldOrder(Api.newScreening(2), "E1", "E2");
        DocumentContext started = startPayment(order, "alipay");
        Api.lapse(order);

        pay(started, 12000, Faults.none());

        DocumentContext paid = awaitStatus(order, "PAID");
        assertThat(paid.<List<Boolean>>read("$.payments[*].retaken")).containsExactly(true);
        assertThat(count("SELECT COUNT(*) FROM seat_claim WHERE order_id = '" + order + "' AND hold_until IS NULL"))
                .isEqualTo(2);
    }

    /**
     * The customer said they paid, then the hold's deadline passed before the gateway's word came: the hold keeps
     * its seats through its one extension. A new order for them is refused (at the edge, or by the allocator),
     * and the money, when it comes, pays the order as on time.
     */
    @Test
    void aHoldWhosePaymentIsInFlightKeepsItsSeatsPastItsDeadlineAndIsPaid() throws Exception {
        long screening = Api.newScreening(2);
        String paying = heldOrder(screening, "F7", "F8");
        DocumentContext started = startPayment(paying, "alipay");
        assertThat(json(post("/api/orders/" + paying + "/payments/claimed", "")).<String>read("$.status"))
                .isEqualTo("PAYMENT_PENDING");
        Api.lapse(paying);

        HttpResponse<String> newcomer = post("/api/orders", "{\"screeningId\":" + screening + ",\"seats\":[\"F7\",\"F8\"]}");
        if (newcomer.statusCode() == 202) {
            DocumentContext decided = Api.awaitDecision(json(newcomer).read("$.id"));
            assertThat(decided.<String>read("$.status")).isEqualTo("REJECTED");
        } else {
            assertThat(newcomer.statusCode()).isEqualTo(409);
            assertThat(json(newcomer).<String>read("$.code")).isEqualTo("seats-taken");
        }
        pay(started, 12000, Faults.none());

        DocumentContext paid = awaitStatus(paying, "PAID");
        assertThat(paid.<List<Boolean>>read("$.payments[*].retaken")).containsExactly(false);
        assertThat(count("SELECT COUNT(*) FROM seat_claim WHERE order_id = '" + paying + "' AND hold_until IS NULL"))
                .isEqualTo(2);
    }

    /**
     * The gateway took the money before the show; its notification reached us after the show had begun (a delayed
     * delivery, as in a settlement backlog). The gateway's time decides: it is on time and pays the order.
     */
    @Test
    void moneyTakenBeforeShowtimeButDeliveredAfterItPaysTheOrder() throws Exception {
        Instant startsAt = Instant.now().plusSeconds(6);
        String order = heldOrder(Api.newScreeningStartingAt(2, startsAt), "H1");
        DocumentContext started = startPayment(order, "alipay");

        pay(started, 6000, new Faults(0, Duration.ofMillis((long) (9_000 / SharedPipeline.GATEWAY_TIME_SCALE)),
                false, false));

        DocumentContext paid = awaitStatus(order, "PAID");
        assertThat(paid.<List<String>>read("$.payments[*].status")).containsExactly("PAID");
        assertThat(count("SELECT COUNT(*) FROM payment_trade WHERE order_id = '" + order + "' AND decided_at > '"
                + java.sql.Timestamp.from(startsAt) + "'")).isEqualTo(1);
    }

    /** Money the gateway took after the screening began sells nothing: it goes back. */
    @Test
    void moneyTakenAfterShowtimeIsRefunded() throws Exception {
        Instant startsAt = Instant.now().plusSeconds(4);
        String order = heldOrder(Api.newScreeningStartingAt(2, startsAt), "H2");
        DocumentContext started = startPayment(order, "alipay");
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(startsAt.plusSeconds(1)));

        pay(started, 6000, Faults.none());

        DocumentContext refunded = awaitStatus(order, "REFUNDED");
        assertThat(refunded.<List<String>>read("$.payments[*].reason")).containsExactly("SCREENING_STARTED");
        assertThat(count("SELECT COUNT(*) FROM seat_claim WHERE order_id = '" + order + "' AND hold_until IS NULL"))
                .isZero();
    }

    /** Money for a cancelled order goes back: the customer was told CANCELLED and the seats were given back. */
    @Test
    void moneyForACancelledOrderIsRefunded() throws Exception {
        String order = heldOrder(Api.newScreening(2), "F9");
        DocumentContext started = startPayment(order, "alipay");
        assertThat(json(post("/api/orders/" + order + "/cancel", "")).<String>read("$.status"))
                .isEqualTo("CANCELLED");

        pay(started, 6000, Faults.none());

        DocumentContext refunded = awaitStatus(order, "REFUNDED");
        assertThat(refunded.<List<String>>read("$.payments[*].reason")).containsExactly("CANCELLED");
        String tradeNo = refunded.read("$.payments[0].tradeNo");
        assertThat(SharedPipeline.gateway().refunds()).filteredOn(r -> r.tradeNo().equals(tradeNo)).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM seat_claim WHERE order_id = '" + order + "'")).isZero();
    }

    /**
     * order-api keeps acknowledged notifications only to recognise resends: past their retention (3 days; a gateway
     * resends for 25 hours at most) they are purged, younger ones stay, and the payments themselves stay.
     */
    @Test
    void acknowledgedNotificationsArePurgedOnceNoResendCanCome() throws Exception {
        long screening = Api.newScreening(2);
        String old = heldOrder(screening, "G1");
        String young = heldOrder(screening, "G2");
        DocumentContext oldPayment = startPayment(old, "alipay");
        DocumentContext youngPayment = startPayment(young, "alipay");
        pay(oldPayment, 6000, Faults.none());
        pay(youngPayment, 6000, Faults.none());
        awaitStatus(old, "PAID");
        awaitStatus(young, "PAID");
        String oldRows = "SELECT COUNT(*) FROM payment_notification WHERE payment_id = '"
                + oldPayment.read("$.paymentId") + "'";
        String youngRows = "SELECT COUNT(*) FROM payment_notification WHERE payment_id = '"
                + youngPayment.read("$.paymentId") + "'";

        assertThat(Api.execute("UPDATE payment_notification SET received_at = received_at - INTERVAL 4 DAY"
                + " WHERE payment_id = '" + oldPayment.read("$.paymentId") + "'")).isPositive();

        await().atMost(Duration.ofSeconds(20)).until(() -> count(oldRows) == 0);
        assertThat(count(youngRows)).isPositive();
        assertThat(json(get("/api/orders/" + old)).<List<String>>read("$.payments[*].status"))
                .containsExactly("PAID");
    }

    @Test
    void aPaymentAfterTheSeatsWentToAnotherOrderEndsRefunded() throws Exception {
        long screening = Api.newScreening(2);
        String late = heldOrder(screening, "E5", "E6");
        DocumentContext started = startPayment(late, "alipay");
        Api.lapse(late);
        String taker = heldOrder(screening, "E5", "E6");

        pay(started, 12000, Faults.none());

        DocumentContext refunded = awaitStatus(late, "REFUNDED");
        assertThat(refunded.<List<String>>read("$.payments[*].reason")).containsExactly("SEATS_GONE");
        String tradeNo = refunded.read("$.payments[0].tradeNo");
        assertThat(SharedPipeline.gateway().refunds()).filteredOn(r -> r.tradeNo().equals(tradeNo)).singleElement()
                .satisfies(r -> assertThat(r.amountMinor()).isEqualTo(12000));
        assertThat(json(get("/api/orders/" + taker)).<String>read("$.status")).isEqualTo("HELD");
    }

    /**
     * Flagged money waits for an operator: {@code marquee payments flagged} lists it, {@code marquee payments
     * refund} gives back what the gateway took (once, however often and however many operators at once ask), and
     * the order keeps its hold, which can still be paid. A settled trade cannot be refunded this way.
     */
    @Test
    void anOperatorGivesFlaggedMoneyBackOnceAndTheHoldStaysPayable() throws Exception {
        String order = heldOrder(Api.newScreening(2), "E1", "E2");
        pay(startPayment(order, "alipay"), 11999, Faults.none());
        await().atMost(Duration.ofSeconds(20)).until(() -> "FLAGGED".equals(
                json(get("/api/orders/" + order)).read("$.payments[0].status")));
        String tradeNo = json(get("/api/orders/" + order)).read("$.payments[0].tradeNo");
        String listener = "http://127.0.0.1:" + SharedPipeline.get().port("payment-listener");

        assertThat(marquee("payments", "flagged", "--url", listener)).isZero();
        assertThat(json(HTTP.send(Api.asOperator(HttpRequest.newBuilder(URI.create(listener + "/api/admin/trades"))).build(),
                HttpResponse.BodyHandlers.ofString())).<List<String>>read("$[*].tradeNo")).contains(tradeNo);
        // four operators at once: one turns the trade into a refund, the others ask for the same refund again
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> refunds = new ArrayList<>();
        for (int operator = 0; operator < 4; operator++) {
            refunds.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return HTTP.send(Api.asOperator(HttpRequest.newBuilder(URI.create(listener
                            + "/api/admin/trades/alipay/" + tradeNo + "/refund"))).POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        List<HttpResponse<String>> answers = refunds.stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(202));
        assertThat(answers.stream().filter(answer -> !json(answer).<Boolean>read("$.again")).count()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> "REFUNDED".equals(
                json(get("/api/orders/" + order)).read("$.payments[0].status")));
        assertThat(marquee("payments", "refund", "alipay", tradeNo, "--url", listener)).isZero();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20)).until(() ->
                SharedPipeline.gateway().refunds().stream().filter(r -> r.tradeNo().equals(tradeNo)).count() == 1);
        assertThat(SharedPipeline.gateway().refunds()).filteredOn(r -> r.tradeNo().equals(tradeNo)).singleElement()
                .satisfies(r -> assertThat(r.amountMinor()).isEqualTo(11999));
        assertThat(json(get("/api/orders/" + order)).<String>read("$.status")).isEqualTo("HELD");

        pay(startPayment(order, "alipay"), 12000, Faults.none());
        DocumentContext paid = awaitStatus(order, "PAID");
        String paidTrade = paid.<List<String>>read("$.payments[?(@.status == 'PAID')].tradeNo").get(0);
        assertThat(marquee("payments", "refund", "alipay", paidTrade, "--url", listener)).isEqualTo(1);
        assertThat(marquee("payments", "refund", "alipay", "no-such-trade", "--url", listener)).isEqualTo(2);
        assertThat(json(get("/api/orders/" + order)).<String>read("$.status")).isEqualTo("PAID");
        // only operators: a customer's token (or none) is refused, and nothing is refunded
        assertThat(new picocli.CommandLine(new Marquee()).execute("payments", "refund", "alipay", paidTrade, "--url",
                listener, "--token", SignedIn.customer().token())).isEqualTo(2);
        assertThat(new picocli.CommandLine(new Marquee()).execute("payments", "flagged", "--url", listener,
                "--token", "")).isEqualTo(2);
    }

    /** A command as an operator runs it: with an admin's token. */
    private static int marquee(String... args) {
        String[] signed = java.util.Arrays.copyOf(args, args.length + 2);
        signed[args.length] = "--token";
        signed[args.length + 1] = SignedIn.operator().token();
        return new picocli.CommandLine(new Marquee()).execute(signed);
    }

    /**
     * A second order-api whose Kafka is not reachable yet: its bootstrap address is a port where nothing listens
     * until the proxy opens (then the client learns the broker's own address from the metadata, as usual).
     */
    @Test
    void whileKafkaIsUnreachableTheEndpointAnswersAnErrorAndTheGatewaysResendSucceedsOnceItIsBack() throws Exception {
        String order = heldOrder(Api.newScreening(2), "F1");
        DocumentContext started = startPayment(order, "alipay");
        EmbeddedStack stack = EmbeddedStack.shared();
        int kafkaPort = Integer.parseInt(stack.kafkaBootstrapServers().replaceAll(".*:", ""));
        int unreachable = TcpProxy.freePort();
        Map<String, Object> properties = new LinkedHashMap<>(stack.properties());
        properties.putAll(SharedPipeline.gatewayProperties());
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.port", 0);
        properties.put("spring.kafka.bootstrap-servers", "127.0.0.1:" + unreachable);
        properties.put("spring.kafka.listener.auto-startup", false);
        properties.put("spring.kafka.admin.auto-create", false);
        properties.put("marquee.payments.publish-timeout", "2s");
        try (ConfigurableApplicationContext cut = OrderApiApplication.application().registerShutdownHook(false)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) cut).getWebServer().getPort();
            GatewaySimulator gateway = SharedPipeline.gateway();
            long refusedBefore = gateway.deliveries().answeredOther();
            gateway.pay(new PayRequest("alipay", started.read("$.paymentId"), 6000, "CNY",
                    URI.create("http://127.0.0.1:" + port + "/api/payments/alipay/notify"), Outcome.SUCCESS,
                    Faults.none()));

            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.deliveries().answeredOther() > refusedBefore);
            assertThat(json(get("/api/orders/" + order)).<String>read("$.status")).isEqualTo("HELD");
            try (TcpProxy kafkaBack = TcpProxy.open(unreachable, kafkaPort)) {
                awaitStatus(order, "PAID");
            }
        }
    }

    private static DocumentContext startPayment(String order, String gateway) throws Exception {
        HttpResponse<String> started = post("/api/orders/" + order + "/payments", "{\"gateway\":\"" + gateway + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return json(started);
    }

    private static void pay(DocumentContext started, long amountMinor, Faults faults) {
        String gateway = started.read("$.gateway");
        SharedPipeline.gateway().pay(new PayRequest(gateway, started.read("$.paymentId"), amountMinor, "CNY",
                notifyUrl(gateway), Outcome.SUCCESS, faults));
    }

    private static URI notifyUrl(String gateway) {
        return URI.create(SharedPipeline.baseUrl() + "/api/payments/" + gateway + "/notify");
    }

    private static Map<String, String> alipayNotice(String outTradeNo, String amount) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("notify_id", "forged-" + System.nanoTime());
        params.put("notify_time", AlipayTime.format(Instant.now()));
        params.put("notify_type", "trade_status_sync");
        params.put("app_id", SimulatorSettings.DEFAULT_ALIPAY_APP_ID);
        params.put("seller_id", SimulatorSettings.DEFAULT_ALIPAY_SELLER_ID);
        params.put("out_trade_no", outTradeNo);
        params.put("trade_no", "2026112122001" + System.nanoTime());
        params.put("total_amount", amount);
        params.put("trade_status", "TRADE_SUCCESS");
        return params;
    }

    private static HttpResponse<String> notify(String gateway, Map<String, String> params) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(notifyUrl(gateway))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(AlipaySigner.formEncode(params))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> orderPaidEventIds(String order) {
        EmbeddedStack stack = EmbeddedStack.shared();
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, Object> events = TopicReader.fromBeginning(stack.kafkaBootstrapServers(),
                stack.schemaRegistryUrl(), Topics.ORDER_EVENTS)) {
            List<ConsumerRecord<String, Object>> records = new ArrayList<>();
            long emptyPolls = 0;
            while (emptyPolls < 3) {
                var batch = events.poll(Duration.ofMillis(300));
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                batch.forEach(records::add);
            }
            records.stream().filter(r -> order.equals(r.key()) && r.value() instanceof OrderPaid)
                    .forEach(r -> ids.add(((OrderPaid) r.value()).getEventId()));
        }
        return ids;
    }
}
