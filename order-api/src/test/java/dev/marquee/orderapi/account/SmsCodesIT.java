package dev.marquee.orderapi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.marquee.orderapi.account.TwoOrderApis.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SMS codes against guessing and flooding, on two order-api instances sharing Redis (cooldown 1 s, 5 sends per phone
 * and {@value TwoOrderApis#PER_IP} per address an hour, in these tests).
 */
class SmsCodesIT {

    static TwoOrderApis apis;
    static ExecutorService guessers;

    @BeforeAll
    static void start() {
        apis = TwoOrderApis.get();
        guessers = Executors.newFixedThreadPool(10);
    }

    @AfterAll
    static void stop() {
        guessers.shutdownNow();
    }

    @BeforeEach
    void withinLimits() {
        apis.resetSmsLimits();
    }

    @AfterEach
    void gatewayUp() {
        apis.smsGateway.down(false);
    }

    @Test
    void afterFiveWrongTriesTheRightCodeIsRefused() {
        String phone = TwoOrderApis.newPhone();
        assertThat(send(apis.a, phone).status()).isEqualTo(202);
        String code = apis.lastCode(phone);
        String wrong = code.equals("000000") ? "000001" : "000000";

        for (int i = 0; i < 5; i++) {
            Answer guess = signIn(i % 2 == 0 ? apis.a : apis.b, phone, wrong);
            assertThat(guess.status()).as(guess.toString()).isEqualTo(401);
            assertThat(guess.code()).isEqualTo("sms-code-invalid");
            assertThat((Integer) guess.read("$.triesLeft")).isEqualTo(4 - i);
        }
        Answer sixth = signIn(apis.b, phone, code);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.code()).isEqualTo("sms-code-locked");
        assertThat(signIn(apis.a, phone, code).code()).isEqualTo("sms-code-locked");

        // a new code works again (after the cooldown)
        await().atMost(Duration.ofSeconds(5)).until(() -> send(apis.a, phone).status() == 202);
        assertThat(signIn(apis.b, phone, apis.lastCode(phone)).status()).isEqualTo(200);
    }

    @Test
    void tenConcurrentGuessesOnTwoInstancesGetFiveTriesBetweenThem() throws Exception {
        String phone = TwoOrderApis.newPhone();
        assertThat(send(apis.a, phone).status()).isEqualTo(202);
        String code = apis.lastCode(phone);
        String wrong = code.equals("000000") ? "000001" : "000000";

        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> guesses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ConfigurableApplicationContext app = i % 2 == 0 ? apis.a : apis.b;
            guesses.add(guessers.submit(() -> {
                go.await();
                return signIn(app, phone, wrong);
            }));
        }
        go.countDown();
        List<String> codes = new ArrayList<>();
        for (Future<Answer> guess : guesses) {
            codes.add(guess.get().code());
        }
        assertThat(codes).filteredOn("sms-code-invalid"::equals).hasSize(5);
        assertThat(codes).filteredOn("sms-code-locked"::equals).hasSize(5);
        assertThat(signIn(apis.a, phone, code).code()).isEqualTo("sms-code-locked");
    }

    @Test
    void aCodeIsUsedOnce() {
        String phone = TwoOrderApis.newPhone();
        assertThat(send(apis.a, phone).status()).isEqualTo(202);
        String code = apis.lastCode(phone);
        assertThat(signIn(apis.a, phone, code).status()).isEqualTo(200);
        Answer again = signIn(apis.b, phone, code);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.code()).isEqualTo("sms-code-expired");
    }

    @Test
    void aPhoneGetsOneCodePerCooldownAndFiveAnHour() {
        String phone = TwoOrderApis.newPhone();
        assertThat(send(apis.a, phone).status()).isEqualTo(202);
        Answer tooSoon = send(apis.b, phone);
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.code()).isEqualTo("sms-cooldown");
        assertThat(tooSoon.response().headers().firstValue("Retry-After")).hasValue("1");

        for (int sent = 1; sent < 5; sent++) {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> send(apis.b, phone).status() == 202);
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"sms-cooldown".equals(send(apis.a, phone).code()));
        Answer sixth = send(apis.a, phone);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.code()).isEqualTo("sms-too-many");
        assertThat(Long.parseLong(sixth.response().headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(3000L, 3600L);
        assertThat(apis.simulator.smsSentTo(phone)).hasSize(5);
    }

    @Test
    void oneAddressGetsCodesSentToAtMostItsLimitOfPhones() {
        for (int i = 0; i < TwoOrderApis.PER_IP; i++) {
            assertThat(send(i % 2 == 0 ? apis.a : apis.b, TwoOrderApis.newPhone()).status()).isEqualTo(202);
        }
        String phone = TwoOrderApis.newPhone();
        Answer flooded = send(apis.a, phone);
        assertThat(flooded.status()).isEqualTo(429);
        assertThat(flooded.code()).isEqualTo("sms-too-many");
        assertThat(flooded.response().headers().firstValue("Retry-After")).isPresent();
        assertThat(apis.simulator.smsSentTo(phone)).isEmpty();
    }

    @Test
    void aGatewayDownIsUnavailableAndCountsNothing() {
        String phone = TwoOrderApis.newPhone();
        apis.smsGateway.down(true);
        Answer down = send(apis.a, phone);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("sms-unavailable");
        assertThat(down.response().headers().firstValue("Retry-After")).isPresent();

        apis.smsGateway.down(false);
        // no cooldown was started by the send that failed
        assertThat(send(apis.b, phone).status()).isEqualTo(202);
        assertThat(apis.simulator.smsSentTo(phone)).hasSize(1);
    }

    @Test
    void aMalformedPhoneIsRefusedWithoutSending() {
        Answer refused = send(apis.a, "12345");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("phone-invalid");
    }

    private static Answer send(ConfigurableApplicationContext app, String phone) {
        return apis.post(app, "/api/auth/sms/send", "{\"phone\":\"" + phone + "\"}");
    }

    private static Answer signIn(ConfigurableApplicationContext app, String phone, String code) {
        return apis.post(app, "/api/auth/sms/sign-in", "{\"phone\":\"%s\",\"code\":\"%s\"}".formatted(phone, code));
    }
}
