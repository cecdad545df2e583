package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import dev.marquee.orderapi.account.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./marquee login} and {@code logout} against the test pipeline's order-api and its demo accounts. */
class LoginIT {

    @TempDir
    Path home;

    @Test
    void signsInWithAPasswordFromStandardInputAndOutAgain() throws Exception {
        Path file = home.resolve("credentials");
        int exit = withStdin(new ByteArrayInputStream((SharedPipeline.DEMO_PASSWORD + "\n")
                .getBytes(StandardCharsets.UTF_8)), () -> Marquee.commandLine().execute("login", "--url",
                SharedPipeline.baseUrl(), "--phone", DemoAccounts.ADMIN, "--password-stdin", "--credentials",
                file.toString()));
        assertThat(exit).isZero();

        String authorization = Credentials.load(file).authorization();
        HttpResponse<String> me = whoami(authorization);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(me.body(), "$.role")).isEqualTo("ADMIN");

        assertThat(Marquee.commandLine().execute("logout", "--credentials", file.toString())).isZero();
        assertThat(file).doesNotExist();
        await().atMost(Duration.ofSeconds(2)).until(() -> whoami(authorization).statusCode() == 401);
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsKept() {
        Path file = home.resolve("credentials");
        int exit = withStdin(new ByteArrayInputStream("not the password\n".getBytes(StandardCharsets.UTF_8)),
                () -> Marquee.commandLine().execute("login", "--url", SharedPipeline.baseUrl(), "--phone",
                        DemoAccounts.ADMIN, "--password-stdin", "--credentials", file.toString()));
        assertThat(exit).isEqualTo(1);
        assertThat(Files.exists(file)).isFalse();
        assertThatThrownBy(() -> Credentials.load(file)).isInstanceOf(Credentials.NotSignedInException.class);
    }

    @Test
    void signsACustomerInWithTheCodeTextedToTheirPhone() throws Exception {
        Path file = home.resolve("credentials");
        String phone = DemoAccounts.SECOND_CUSTOMER;
        int before = SharedPipeline.gateway().smsSentTo(phone).size();
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream keyboard = new PipedInputStream(typing);
        Thread user = Thread.ofVirtual().start(() -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> SharedPipeline.gateway().smsSentTo(phone).size() > before);
            String text = SharedPipeline.gateway().smsSentTo(phone).getFirst().text();
            try (typing) {
                typing.write((text.replaceAll(".*code is ([0-9]{6}).*", "$1") + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        int exit = withStdin(keyboard, () -> Marquee.commandLine().execute("login", "--url",
                SharedPipeline.baseUrl(), "--phone", phone, "--sms", "--credentials", file.toString()));
        user.join();
        assertThat(exit).isZero();
        assertThat((String) JsonPath.read(whoami(Credentials.load(file).authorization()).body(), "$.role"))
                .isEqualTo("CUSTOMER");
    }

    private static HttpResponse<String> whoami(String authorization) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(SharedPipeline.baseUrl() + "/api/account"))
                    .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static int withStdin(InputStream in, java.util.function.IntSupplier command) {
        InputStream original = System.in;
        System.setIn(in);
        try {
            return command.getAsInt();
        } finally {
            System.setIn(original);
        }
    }
}
