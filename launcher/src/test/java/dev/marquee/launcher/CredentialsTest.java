package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class CredentialsTest {

    @TempDir
    Path home;

    final List<String> refreshed = new CopyOnWriteArrayList<>();
    HttpServer orderApi;
    int refreshStatus = 200;

    @AfterEach
    void stop() {
        if (orderApi != null) {
            orderApi.stop(0);
        }
    }

    @Test
    void keepsTheTokensReadableByTheirOwnerOnly() throws Exception {
        Path file = home.resolve(".marquee").resolve("credentials");
        Credentials.signedIn(file, "http://127.0.0.1:1", signIn("a1", Instant.now().plusSeconds(600), "r1"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Credentials.load(file).authorization()).isEqualTo("Bearer a1");
        assertThat(Credentials.load(file).account()).isEqualTo("CUSTOMER 7");
    }

    @Test
    void refreshesAnAccessTokenAboutToExpireAndKeepsTheRotatedOnes() throws Exception {
        String url = startOrderApi();
        Path file = home.resolve("credentials");
        Credentials.signedIn(file, url, signIn("a1", Instant.now().plusSeconds(10), "r1"));

        assertThat(Credentials.load(file).authorization()).isEqualTo("Bearer a2");
        assertThat(refreshed).containsExactly("r1");
        // saved: the next command uses the rotated tokens without refreshing again
        assertThat(Credentials.load(file).authorization()).isEqualTo("Bearer a2");
        assertThat(Credentials.load(file).refreshToken()).isEqualTo("r2");
        assertThat(refreshed).hasSize(1);
    }

    @Test
    void anEndedSessionSaysToSignInAgain() throws Exception {
        refreshStatus = 401;
        String url = startOrderApi();
        Path file = home.resolve("credentials");
        Credentials.signedIn(file, url, signIn("a1", Instant.now().minusSeconds(1), "r1"));

        assertThatThrownBy(() -> Credentials.load(file).authorization())
                .isInstanceOf(Credentials.NotSignedInException.class).hasMessageContaining("./marquee login");
        assertThatThrownBy(() -> Credentials.load(home.resolve("none")))
                .isInstanceOf(Credentials.NotSignedInException.class).hasMessageContaining("./marquee login");
    }

    private static tools.jackson.databind.JsonNode signIn(String access, Instant expiresAt, String refresh) {
        return JsonMapper.builderWithJackson2Defaults().build().createObjectNode().put("accountId", 7).put("role", "CUSTOMER")
                .put("accessToken", access).put("expiresAt", expiresAt.toString()).put("refreshToken", refresh);
    }

    private String startOrderApi() throws IOException {
        orderApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        orderApi.createContext("/api/auth/refresh", exchange -> {
            try (exchange) {
                String token = JsonMapper.builderWithJackson2Defaults().build().readTree(exchange.getRequestBody()).path("refreshToken").asString();
                refreshed.add(token);
                byte[] body = (refreshStatus == 200
                        ? "{\"accessToken\":\"a2\",\"expiresAt\":\"" + Instant.now().plusSeconds(600)
                                + "\",\"refreshToken\":\"r2\"}"
                        : "{\"code\":\"refresh-invalid\",\"detail\":\"used\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(refreshStatus, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        orderApi.start();
        return "http://127.0.0.1:" + orderApi.getAddress().getPort();
    }
}
