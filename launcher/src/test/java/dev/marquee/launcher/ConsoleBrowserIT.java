package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import dev.marquee.gateway.simulator.Faults;
import dev.marquee.gateway.simulator.Outcome;
import dev.marquee.gateway.simulator.PayRequest;
import dev.marquee.orderapi.account.DemoAccounts;
import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The operator console in a real headless Chromium: consumer lag per group, a dead letter re-driven by a click, every
 * service's readiness, flagged money refunded by a click, a screening's flash sale and the box office as charts.
 */
class ConsoleBrowserIT extends BrowserTests {

    private static final Duration PAGE = Duration.ofSeconds(30);

    @Test
    void anOperatorSeesWhyARecordWasSetAsideAndReDrivesItFromTheConsole() throws Exception {
        String bootstrap = EmbeddedStack.shared().kafkaBootstrapServers();
        String original = "console-it-" + UUID.randomUUID().toString().substring(0, 8);
        String deadLetters = original + "-dlt";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(original, 1, (short) 1), new NewTopic(deadLetters, 1, (short) 1)))
                    .all().get();
        }
        byte[] value = ("set aside " + original).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(deadLetters, "k".getBytes(StandardCharsets.UTF_8), value);
            record.headers().add("kafka_dlt-original-topic", original.getBytes(StandardCharsets.UTF_8));
            record.headers().add("kafka_dlt-exception-message", "no such hall 42".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        // order-api samples the lag in the background: the console shows what came before it was opened
        await().atMost(PAGE).until(() -> Api.json(SignedIn.operator().get("/pages/console/lag"))
                .<List<Object>>read("$[?(@.group == 'seat-allocator')].samples[1]").size() == 1);
        long opened = System.currentTimeMillis();
        WebDriver browser = Browser.fresh();
        browser.get(SharedPipeline.baseUrl() + "/pages/sign-in.html?then=/pages/console.html");
        WebElement phone = browser.findElement(By.id("phone"));
        phone.clear();
        phone.sendKeys(DemoAccounts.ADMIN);
        browser.findElement(By.id("password")).sendKeys(SharedPipeline.DEMO_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        await().atMost(PAGE).ignoreExceptions().until(() -> "true".equals(
                browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));

        WebElement shelf = browser.findElement(By.cssSelector(".shelf[data-topic='" + deadLetters + "']"));
        assertThat(shelf.getText()).contains("1 waiting").contains("no such hall 42").contains(original);
        // read at once: the table is redrawn every 2 s
        List<?> allocator = (List<?>) ((JavascriptExecutor) browser).executeScript("const row = document.querySelector("
                + "\"#lag tr[data-group='seat-allocator']\"); return [Number(row.dataset.samples), Number(row.dataset.since),"
                + " row.querySelectorAll('svg path').length]");
        assertThat(((Number) allocator.get(0)).intValue()).as("samples drawn").isGreaterThanOrEqualTo(2);
        assertThat(((Number) allocator.get(1)).longValue()).as("the line starts before the page opened").isLessThan(opened);
        assertThat(((Number) allocator.get(2)).intValue()).as("the line").isEqualTo(1);
        Browser.screenshotOf(browser.findElement(By.id("lag-panel")), "console-lag.png");
        Browser.screenshotOf(browser.findElement(By.id("dead-letters-panel")), "console-dead-letters.png");

        browser.findElement(By.id("redrive-" + deadLetters)).click();

        await().atMost(PAGE).ignoreExceptions().until(() -> browser.findElement(By.id("message")).getText()
                .equals("Sent 1 record(s) of " + deadLetters + " back."));
        await().atMost(PAGE).ignoreExceptions().until(() -> browser.findElement(
                By.cssSelector(".shelf[data-topic='" + deadLetters + "'] h3")).getText().contains("0 waiting"));
        assertThat(read(bootstrap, original)).containsExactly(new String(value, StandardCharsets.UTF_8));

        HttpResponse<String> none = SignedIn.operator().post("/pages/console/dead-letters/" + original + "-no-dlt/redrive", "");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(Api.json(none).<String>read("$.code")).isEqualTo("dead-letter-topic-not-found");
    }

    /**
     * The rest of the console, as an operator sees it: every service's readiness (asked by order-api), money
     * flagged for a wrong amount refunded by a click through payment-listener's refund, a screening's flash sale
     * drawn from its seats and orders, and the box office's figures drawn as charts.
     */
    @Test
    void anOperatorSeesEveryServiceRefundsFlaggedMoneyAndWatchesASaleAndTheBoxOffice() throws Exception {
        long screening = Api.newScreening(2);
        String flaggedOrder = Api.heldOrder(screening, "E1", "E2");
        DocumentContext flaggedPayment = startPayment(flaggedOrder);
        long wrongAmount = Api.json(Api.get("/api/orders/" + flaggedOrder)).<Number>read("$.amount.minor").longValue() - 1;
        pay(flaggedPayment, wrongAmount);
        await().atMost(PAGE).until(() -> "FLAGGED".equals(
                Api.json(Api.get("/api/orders/" + flaggedOrder)).read("$.payments[0].status")));
        String tradeNo = Api.json(Api.get("/api/orders/" + flaggedOrder)).read("$.payments[0].tradeNo");
        String paidOrder = Api.heldOrder(screening, "F5");
        pay(startPayment(paidOrder), Api.json(Api.get("/api/orders/" + paidOrder)).<Number>read("$.amount.minor").longValue());
        Api.awaitStatus(paidOrder, "PAID");

        WebDriver browser = signedInOperator("/pages/console.html?screening=" + screening);

        List<WebElement> services = browser.findElements(By.cssSelector("#readiness tr[data-service]"));
        assertThat(services).extracting(row -> row.getDomAttribute("data-service")).containsExactly("order-api",
                "outbox-relay", "seat-allocator", "payment-listener", "expiry-worker", "box-office", "gateway-simulator");
        assertThat(services).allSatisfy(row -> assertThat(row.getText()).contains("ready"));
        assertThat(browser.findElements(By.cssSelector("#readiness tr[data-state='READY']"))).hasSize(7);

        WebElement flagged = browser.findElement(By.cssSelector("#flagged tr[data-trade='" + tradeNo + "']"));
        assertThat(flagged.getDomAttribute("data-order")).isEqualTo(flaggedOrder);
        assertThat(flagged.getText()).contains("AMOUNT_MISMATCH").contains(flaggedOrder.substring(0, 8))
                .contains(String.format("%.2f", wrongAmount / 100.0));

        await().atMost(PAGE).ignoreExceptions().until(() -> "2".equals(browser.findElement(
                By.cssSelector("#flash-seats g.series[data-series='held']")).getDomAttribute("data-last")));
        assertThat(browser.findElement(By.cssSelector("#flash-seats g.series[data-series='sold']"))
                .getDomAttribute("data-last")).isEqualTo("1");
        assertThat(browser.findElement(By.id("flash-totals")).getText()).contains("1 sold").contains("2 held");
        assertThat(browser.findElements(By.cssSelector("#flash-orders g.series path"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#flash-latency g.series path"))).isNotEmpty();

        await().atMost(PAGE).ignoreExceptions().until(() -> !browser.findElements(By.cssSelector("#box-movies g.bar")).isEmpty()
                && !browser.findElements(By.cssSelector("#box-days g.column rect")).isEmpty()
                && !browser.findElements(By.cssSelector("#box-cities figure svg")).isEmpty());
        await().atMost(PAGE).ignoreExceptions().until(() -> Integer.parseInt(
                browser.findElement(By.id("flash-seats")).getDomAttribute("data-samples")) >= 3);
        Browser.screenshotOf(browser.findElement(By.id("services")), "console-readiness.png");
        Browser.screenshotOf(browser.findElement(By.id("flagged-panel")), "console-flagged.png");
        Browser.screenshotOf(browser.findElement(By.id("flash-sale")), "console-flash-sale.png");
        Browser.screenshotOf(browser.findElement(By.id("box-office")), "console-box-office.png");

        flagged.findElement(By.cssSelector("button.refund")).click();

        await().atMost(PAGE).ignoreExceptions().until(() -> browser.findElement(By.id("message")).getText()
                .contains("for trade " + tradeNo));
        await().atMost(PAGE).until(() -> browser.findElements(By.cssSelector("#flagged tr[data-trade='" + tradeNo + "']")).isEmpty());
        await().atMost(PAGE).until(() -> SharedPipeline.gateway().refunds().stream()
                .anyMatch(r -> r.tradeNo().equals(tradeNo) && r.amountMinor() == wrongAmount));
    }

    private static WebDriver signedInOperator(String page) {
        WebDriver browser = Browser.fresh();
        browser.get(SharedPipeline.baseUrl() + "/pages/sign-in.html?then=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
        WebElement phone = browser.findElement(By.id("phone"));
        phone.clear();
        phone.sendKeys(DemoAccounts.ADMIN);
        browser.findElement(By.id("password")).sendKeys(SharedPipeline.DEMO_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        await().atMost(PAGE).ignoreExceptions().until(() -> "true".equals(
                browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        return browser;
    }

    private static DocumentContext startPayment(String order) throws Exception {
        HttpResponse<String> started = Api.post("/api/orders/" + order + "/payments", "{\"gateway\":\"alipay\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return Api.json(started);
    }

    private static void pay(DocumentContext started, long amountMinor) {
        SharedPipeline.gateway().pay(new PayRequest("alipay", started.read("$.paymentId"), amountMinor, "CNY",
                URI.create(SharedPipeline.baseUrl() + "/api/payments/alipay/notify"), Outcome.SUCCESS, Faults.none()));
    }

    private static List<String> read(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "console-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(record.value(), StandardCharsets.UTF_8));
                }
                return !values.isEmpty();
            });
            return values;
        }
    }
}
