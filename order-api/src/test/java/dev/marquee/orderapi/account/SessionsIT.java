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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Refresh-token rotation and revocation across two order-api instances on one stack. */
class SessionsIT {

    static final String PASSWORD = "popcorn at row F";
    static TwoOrderApis apis;
    static ExecutorService racers;

    @BeforeAll
    static void start() {
        apis = TwoOrderApis.get();
        racers = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        racers.shutdownNow();
    }

    @BeforeEach
    void withinLimits() {
        apis.resetSmsLimits();
    }

    @Test
    void aRefreshTokenRotatedOnOneInstanceIsRefusedAsUsedOnTheOtherAndRevokesItsSession() {
        Answer signedIn = customer();
        Answer rotated = refresh(apis.a, signedIn.read("$.refreshToken"));
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat((String) rotated.read("$.sessionId")).isEqualTo(signedIn.read("$.sessionId"));
        assertThat((String) rotated.read("$.refreshToken")).isNotEqualTo(signedIn.read("$.refreshToken"));
        assertThat(me(apis.b, rotated.read("$.accessToken")).status()).isEqualTo(200);

        Answer replayed = refresh(apis.b, signedIn.read("$.refreshToken"));
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.code()).isEqualTo("refresh-invalid");

        // a used token came back: someone else holds the family, so the whole session is over, on both instances
        Answer next = refresh(apis.a, rotated.read("$.refreshToken"));
        assertThat(next.code()).isEqualTo("refresh-invalid");
        awaitRefused(apis.a, rotated.read("$.accessToken"));
        awaitRefused(apis.b, rotated.read("$.accessToken"));
    }

    @Test
    void logoutOnOneInstanceEndsTheSessionsAccessTokensOnTheOtherWithinTwoSeconds() {
        Answer signedIn = customer();
        String phone = apis.jdbc.sql("SELECT phone FROM account WHERE id = ?")
                .param(((Number) signedIn.read("$.accountId")).longValue()).query(String.class).single();
        Answer secondSession = apis.signIn(apis.b, phone, PASSWORD);
        assertThat(me(apis.b, signedIn.read("$.accessToken")).status()).isEqualTo(200);

        Answer out = apis.post(apis.a, "/api/auth/logout",
                "{\"refreshToken\":\"" + signedIn.read("$.refreshToken") + "\"}");
        assertThat(out.status()).as(out.toString()).isEqualTo(204);

        awaitRefused(apis.b, signedIn.read("$.accessToken"));
        assertThat(refresh(apis.b, signedIn.read("$.refreshToken")).code()).isEqualTo("refresh-invalid");
        // the other session of the same account goes on
        assertThat(me(apis.b, secondSession.read("$.accessToken")).status()).isEqualTo(200);
        assertThat(refresh(apis.a, secondSession.read("$.refreshToken")).status()).isEqualTo(200);
    }

    @Test
    void ofTwoConcurrentRefreshesOfOneTokenExactlyOneWins() throws Exception {
        String phone = TwoOrderApis.newPhone();
        assertThat(apis.register(apis.a, phone, PASSWORD).status()).isEqualTo(201);
        for (int round = 0; round < 10; round++) {
            String token = apis.signIn(apis.a, phone, PASSWORD).read("$.refreshToken");
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> racing = new ArrayList<>();
            for (ConfigurableApplicationContext app : List.of(apis.a, apis.b)) {
                racing.add(racers.submit(() -> {
                    go.await();
                    return refresh(app, token);
                }));
            }
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : racing) {
                answers.add(answer.get());
            }
            assertThat(answers).as("round " + round + ": " + answers).filteredOn(a -> a.status() == 200).hasSize(1);
            assertThat(answers).filteredOn(a -> a.status() != 200)
                    .allSatisfy(a -> assertThat(a.code()).isEqualTo("refresh-invalid"));
            assertThat(apis.jdbc.sql("SELECT COUNT(*) FROM refresh_token t JOIN refresh_token u"
                            + " ON u.session_id = t.session_id WHERE t.token_hash = UNHEX(SHA2(?, 256)) AND u.used_at IS NULL")
                    .param(token).query(Long.class).single()).as("one next token, round " + round).isEqualTo(1);
        }
    }

    @Test
    void eightConcurrentRefreshesOfOneTokenOnTwoInstancesHandOutOneNextToken() throws Exception {
        String token = customer().read("$.refreshToken");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> racing = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ConfigurableApplicationContext app = i % 2 == 0 ? apis.a : apis.b;
            racing.add(racers.submit(() -> {
                go.await();
                return refresh(app, token);
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Answer> answer : racing) {
            won += answer.get().status() == 200 ? 1 : 0;
        }
        assertThat(won).isEqualTo(1);
        assertThat(apis.jdbc.sql("SELECT COUNT(*) FROM refresh_token t JOIN refresh_token u"
                        + " ON u.session_id = t.session_id WHERE t.token_hash = UNHEX(SHA2(?, 256))")
                .param(token).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aPasswordChangeEndsEverySessionOfTheAccount() {
        String phone = TwoOrderApis.newPhone();
        Answer first = apis.register(apis.a, phone, PASSWORD);
        Answer second = apis.signIn(apis.b, phone, PASSWORD);

        Answer wrongOld = apis.post(apis.a, "/api/account/password",
                "{\"oldPassword\":\"not it at all\",\"newPassword\":\"the balcony seats\"}", first.read("$.accessToken"));
        assertThat(wrongOld.code()).isEqualTo("credentials-invalid");
        Answer weak = apis.post(apis.a, "/api/account/password",
                "{\"oldPassword\":\"" + PASSWORD + "\",\"newPassword\":\"qwertyuiop\"}", first.read("$.accessToken"));
        assertThat(weak.code()).isEqualTo("password-weak");
        assertThat(me(apis.b, second.read("$.accessToken")).status()).isEqualTo(200);

        Answer changed = apis.post(apis.a, "/api/account/password",
                "{\"oldPassword\":\"" + PASSWORD + "\",\"newPassword\":\"the balcony seats\"}", first.read("$.accessToken"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        awaitRefused(apis.b, second.read("$.accessToken"));
        awaitRefused(apis.b, first.read("$.accessToken"));
        assertThat(refresh(apis.b, first.read("$.refreshToken")).code()).isEqualTo("refresh-invalid");
        assertThat(refresh(apis.a, second.read("$.refreshToken")).code()).isEqualTo("refresh-invalid");
        assertThat(apis.signIn(apis.a, phone, PASSWORD).code()).isEqualTo("credentials-invalid");
        Answer again = apis.signIn(apis.b, phone, "the balcony seats");
        assertThat(again.status()).isEqualTo(200);
        assertThat(me(apis.a, again.read("$.accessToken")).status()).isEqualTo(200);
    }

    @Test
    void aBanEndsEverySessionAndRefusesSignIn() {
        String phone = TwoOrderApis.newPhone();
        Answer customer = apis.register(apis.a, phone, PASSWORD);
        long id = ((Number) customer.read("$.accountId")).longValue();
        String admin = apis.signIn(apis.a, DemoAccounts.ADMIN, TwoOrderApis.DEMO_PASSWORD).read("$.accessToken");

        Answer byCustomer = apis.post(apis.a, "/api/admin/accounts/" + id + "/ban", "", customer.read("$.accessToken"));
        assertThat(byCustomer.status()).isEqualTo(403);
        Answer anonymous = apis.post(apis.a, "/api/admin/accounts/" + id + "/ban", "");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(apis.post(apis.a, "/api/admin/accounts/999999999/ban", "", admin).code())
                .isEqualTo("account-not-found");

        assertThat(apis.post(apis.a, "/api/admin/accounts/" + id + "/ban", "", admin).status()).isEqualTo(204);

        awaitRefused(apis.b, customer.read("$.accessToken"));
        assertThat(refresh(apis.b, customer.read("$.refreshToken")).code()).isEqualTo("refresh-invalid");
        Answer banned = apis.signIn(apis.b, phone, PASSWORD);
        assertThat(banned.status()).isEqualTo(403);
        assertThat(banned.code()).isEqualTo("account-banned");
        // only the right password learns of the ban
        assertThat(apis.signIn(apis.b, phone, "popcorn at row G").code()).isEqualTo("credentials-invalid");
    }

    private static Answer customer() {
        Answer registered = apis.register(apis.a, TwoOrderApis.newPhone(), PASSWORD);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered;
    }

    private static Answer refresh(ConfigurableApplicationContext app, String token) {
        return apis.post(app, "/api/auth/refresh", "{\"refreshToken\":\"" + token + "\"}");
    }

    private static Answer me(ConfigurableApplicationContext app, String accessToken) {
        return apis.get(app, "/api/account", accessToken);
    }

    private static void awaitRefused(ConfigurableApplicationContext app, String accessToken) {
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    Answer answer = me(app, accessToken);
                    assertThat(answer.status()).isEqualTo(401);
                    assertThat(answer.code()).isEqualTo("token-revoked");
                });
    }
}
