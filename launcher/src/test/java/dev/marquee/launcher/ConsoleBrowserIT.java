package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The operator console in a real headless Chromium: consumer lag per group, and a dead letter re-driven by a click. */
class ConsoleBrowserIT {

    private static final Duration PAGE = Duration.ofSeconds(30);

    @BeforeAll
    static void pipeline() {
        if (Browser.available()) {   // else each test is skipped, with the reason, before it starts
            SharedPipeline.get();
        }
    }

    @BeforeEach
    void browser() {
        Browser.assumeAvailable();
    }

    @AfterAll
    static void closeBrowser() {
        Browser.quit();
    }

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
        assertThat(browser.findElements(By.cssSelector("#lag tr[data-group='seat-allocator']"))).isNotEmpty();
        await().atMost(PAGE).until(() -> browser.findElements(By.cssSelector("#lag svg path")).size() > 0);
        Browser.screenshot("console.png");

        browser.findElement(By.id("redrive-" + deadLetters)).click();

        await().atMost(PAGE).ignoreExceptions().until(() -> browser.findElement(By.id("message")).getText()
                .equals("Sent 1 record(s) of " + deadLetters + " back."));
        await().atMost(PAGE).ignoreExceptions().until(() -> browser.findElement(
                By.cssSelector(".shelf[data-topic='" + deadLetters + "'] h3")).getText().contains("0 waiting"));
        assertThat(read(bootstrap, original)).containsExactly(new String(value, StandardCharsets.UTF_8));
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
