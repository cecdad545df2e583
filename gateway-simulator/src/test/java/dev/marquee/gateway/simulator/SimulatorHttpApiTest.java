package dev.marquee.gateway.simulator;

import dev.marquee.gateway.PaymentNotification;
import dev.marquee.gateway.TradeStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class SimulatorHttpApiTest {

    private static final ObjectMapper JSON = JsonMapper.builderWithJackson2Defaults().build();

    private final Merchant merchant = new Merchant(GatewaySimulatorTest.ALIPAY.getPublic(),
            GatewaySimulatorTest.STRIPE_SECRET);
    private final GatewaySimulator simulator = GatewaySimulator.start(SimulatorSettings
            .of(GatewaySimulatorTest.ALIPAY.getPrivate(), GatewaySimulatorTest.STRIPE_SECRET)
            .withTimeScale(GatewaySimulatorTest.TIME_SCALE));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        http.close();
        simulator.close();
        merchant.close();
    }

    @Test
    void servesAPayPageThatPostsBackPayOrFail() throws Exception {
        HttpResponse<String> page = get("/alipay/pay?out_trade_no=M-42&total_amount=12.50&currency=CNY"
                + "&notify_url=" + encode(merchant.notifyUrl("alipay")) + "&subject=" + encode("<b>2 seats</b>"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body())
                .contains("<form method=\"post\" action=\"/alipay/pay\">")
                .contains("<button type=\"submit\" name=\"outcome\" value=\"SUCCESS\">Pay</button>")
                .contains("<button type=\"submit\" name=\"outcome\" value=\"FAILED\">Fail</button>")
                .contains("name=\"total_amount\" value=\"12.50\"")
                .contains("&lt;b&gt;2 seats&lt;/b&gt;")
                .doesNotContain("<b>");
    }

    @Test
    void takesAFormPaymentInDecimalAndNotifiesTheMerchant() throws Exception {
        HttpResponse<String> paid = post("/alipay/pay", "application/x-www-form-urlencoded",
                "out_trade_no=M-7&total_amount=12.50&notify_url=" + encode(merchant.notifyUrl("alipay"))
                        + "&outcome=SUCCESS");

        assertThat(paid.statusCode()).isEqualTo(200);
        JsonNode trade = JSON.readTree(paid.body());
        assertThat(trade.path("gateway").asString()).isEqualTo("alipay");
        assertThat(trade.path("amountMinor").asLong()).isEqualTo(1250);
        assertThat(trade.path("currency").asString()).isEqualTo("CNY");
        assertThat(trade.path("createdAt").asString()).endsWith("Z");
        assertThat(simulator.awaitQuiet(Duration.ofSeconds(3))).isTrue();
        assertThat(merchant.acknowledged()).singleElement().satisfies(notification -> {
            assertThat(notification.tradeNo()).isEqualTo(trade.path("tradeNo").asString());
            assertThat(notification.outTradeNo()).isEqualTo("M-7");
            assertThat(notification.amountMinor()).isEqualTo(1250);
        });
    }

    @Test
    void takesAJsonPaymentWithFaultKnobs() throws Exception {
        HttpResponse<String> paid = post("/stripe/pay", "application/json", """
                {"out_trade_no":"M-8","amount_minor":1800,"currency":"jpy","notify_url":"%s",
                 "outcome":"FAILED","duplicates":1}""".formatted(merchant.notifyUrl("stripe")));

        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(simulator.awaitQuiet(Duration.ofSeconds(3))).isTrue();
        assertThat(merchant.acknowledged()).hasSize(2).allSatisfy(notification -> {
            assertThat(notification.status()).isEqualTo(TradeStatus.FAILED);
            assertThat(notification.amountMinor()).isEqualTo(1800);
            assertThat(notification.currency()).isEqualTo("JPY");
        });
        assertThat(merchant.acknowledged().stream().map(PaymentNotification::notifyId).distinct()).hasSize(1);
    }

    @Test
    void refusesAPaymentItCannotRead() throws Exception {
        HttpResponse<String> noUrl = post("/alipay/pay", "application/x-www-form-urlencoded",
                "out_trade_no=M-9&total_amount=12.505");

        assertProblem(noUrl, 400, "request-malformed");
        assertThat(simulator.trades()).isEmpty();
    }

    @Test
    void refundsOncePerRefundIdAndNeverBeyondThePayment() throws Exception {
        Trade trade = simulator.pay(new PayRequest("alipay", "M-10", 1250, "CNY", merchant.notifyUrl("alipay"),
                Outcome.SUCCESS, Faults.none()));
        String first = refund("R-1", trade.tradeNo(), 600);

        HttpResponse<String> refunded = post("/alipay/refunds", "application/json", first);
        HttpResponse<String> again = post("/alipay/refunds", "application/json", first);

        assertThat(refunded.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(refunded.body());
        assertThat(answer.path("refundId").asString()).isEqualTo("R-1");
        assertThat(answer.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(answer.path("amountMinor").asLong()).isEqualTo(600);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(refunded.body());
        assertThat(simulator.refunds()).singleElement().extracting(Refund::amountMinor).isEqualTo(600L);

        assertProblem(post("/alipay/refunds", "application/json", refund("R-2", trade.tradeNo(), 651)),
                409, "refund-exceeds-payment");
        assertThat(post("/alipay/refunds", "application/json", refund("R-3", trade.tradeNo(), 650)).statusCode())
                .isEqualTo(200);
        assertThat(simulator.refunds()).extracting(Refund::refundId).containsExactly("R-1", "R-3");
    }

    @Test
    void refusesRefundsOfTradesItDoesNotKnow() throws Exception {
        Trade stripeTrade = simulator.pay(new PayRequest("stripe", "M-11", 1250, "CNY", merchant.notifyUrl("stripe"),
                Outcome.SUCCESS, Faults.none()));

        assertProblem(post("/alipay/refunds", "application/json", refund("R-1", "2026000022001000", 100)),
                404, "trade-unknown");
        assertProblem(post("/alipay/refunds", "application/json", refund("R-2", stripeTrade.tradeNo(), 100)),
                404, "trade-unknown");
        assertThat(simulator.refunds()).isEmpty();
    }

    @Test
    void refusesRefundsOfFailedPayments() throws Exception {
        Trade failed = simulator.pay(new PayRequest("stripe", "M-12", 1250, "CNY", merchant.notifyUrl("stripe"),
                Outcome.FAILED, Faults.none()));

        assertProblem(post("/stripe/refunds", "application/json", refund("R-1", failed.tradeNo(), 1)),
                409, "refund-exceeds-payment");
    }

    @Test
    void listsTradesAndRefunds() throws Exception {
        Trade trade = simulator.pay(new PayRequest("alipay", "M-13", 1250, "CNY", merchant.notifyUrl("alipay"),
                Outcome.SUCCESS, Faults.none()));
        post("/alipay/refunds", "application/json", refund("R-1", trade.tradeNo(), 1250));

        JsonNode trades = JSON.readTree(get("/trades").body());
        JsonNode refunds = JSON.readTree(get("/refunds").body());

        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).path("tradeNo").asString()).isEqualTo(trade.tradeNo());
        assertThat(trades.get(0).path("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).path("amountMinor").asLong()).isEqualTo(1250);
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblems() throws Exception {
        assertProblem(get("/paypal/pay"), 404, "not-found");
        assertProblem(get("/trades/1"), 404, "not-found");
        assertProblem(get("/alipay/refunds"), 405, "method-not-allowed");
    }

    private static String refund(String refundId, String tradeNo, long amountMinor) {
        return """
                {"refundId":"%s","tradeNo":"%s","amountMinor":%d,"currency":"CNY","reason":"screening cancelled"}"""
                .formatted(refundId, tradeNo, amountMinor);
    }

    @Test
    void recordsTextMessagesAndListsThemPerPhoneNewestFirst() throws Exception {
        assertThat(post("/sms/send", "application/json", """
                {"phone":"+8613800138000","text":"Your Marquee code is 123456"}""").statusCode()).isEqualTo(200);
        post("/sms/send", "application/x-www-form-urlencoded", "phone=%2B8613800138001&text=other");
        HttpResponse<String> sent = post("/sms/send", "application/json", """
                {"phone":"+8613800138000","text":"Your Marquee code is 654321"}""");
        assertThat(JSON.readTree(sent.body()).path("phone").asString()).isEqualTo("+8613800138000");

        JsonNode listed = JSON.readTree(get("/sms/messages?phone=%2B8613800138000").body());
        assertThat(listed).extracting(m -> m.path("text").asString())
                .containsExactly("Your Marquee code is 654321", "Your Marquee code is 123456");
        assertThat(JSON.readTree(get("/sms/messages?phone=+8613800138001").body())).singleElement()
                .satisfies(m -> assertThat(m.path("text").asString()).isEqualTo("other"));
        assertThat(simulator.smsSentTo("+8613800138000")).hasSize(2);
    }

    @Test
    void refusesATextMessageWithoutAUsablePhone() throws Exception {
        assertProblem(post("/sms/send", "application/json", """
                {"phone":"12345","text":"hi"}"""), 400, "request-malformed");
        assertProblem(post("/sms/send", "application/json", """
                {"text":"hi"}"""), 400, "request-malformed");
        assertThat(JSON.readTree(get("/sms/messages").body())).isEmpty();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo(code);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(simulator.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(simulator.baseUri().resolve(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Object value) {
        return URLEncoder.encode(value.toString(), UTF_8);
    }
}
