package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code marquee apps} against a stand-in order-api: what it sends, what it prints, its exit codes. */
class AppsCommandTest {

    record Seen(String method, String uri, String authorization, String body) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream originalOut;
    HttpServer server;
    String url;
    int status = 201;
    String answer = "{\"key\":\"app_0123\",\"secret\":\"" + "ab".repeat(32) + "\",\"permissions\":\"orders=rw-\","
            + "\"merchantId\":7,\"status\":\"ACTIVE\"}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        // whoever runs the tests may be signed in: only the token a test gives counts
        OperatorToken.stored = StoredToken.NONE;
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(originalOut);
        server.stop(0);
        OperatorToken.stored = OperatorToken.LOGIN;
    }

    @Test
    void createSendsTheGrantWithTheTokenAndPrintsTheSecretOnce() {
        int exit = Marquee.commandLine().execute("apps", "create", "Cinema 7 box office", "--permissions",
                "orders=rw-", "--merchant", "7", "--url", url, "--token", "T0KEN");

        assertThat(exit).isZero();
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.method() + " " + s.uri()).isEqualTo("POST /api/admin/apps");
            assertThat(s.authorization()).isEqualTo("Bearer T0KEN");
            assertThat(s.body()).isEqualTo("{\"name\":\"Cinema 7 box office\",\"permissions\":\"orders=rw-\","
                    + "\"merchantId\":7}");
        });
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("app_0123", "ab".repeat(32), "shown only now");
    }

    @Test
    void rotateWithDropPreviousOnlyDropsAndRevokeAndListCallTheirEndpoints() {
        status = 200;
        answer = "{\"key\":\"app_0123\",\"status\":\"ACTIVE\"}";
        assertThat(Marquee.commandLine().execute("apps", "rotate", "app_0123", "--drop-previous", "--url", url,
                "--token", "T")).isZero();
        assertThat(Marquee.commandLine().execute("apps", "revoke", "app_0123", "--url", url, "--token", "T")).isZero();
        answer = "[" + answer + "]";
        assertThat(Marquee.commandLine().execute("apps", "list", "--url", url, "--token", "T")).isZero();

        assertThat(seen).extracting(s -> s.method() + " " + s.uri()).containsExactly(
                "POST /api/admin/apps/app_0123/rotate?dropPrevious=true", "POST /api/admin/apps/app_0123/revoke",
                "GET /api/admin/apps");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("previous secret dropped", "revoked", "1 app(s)");
    }

    @Test
    void aRefusalOrAMissingTokenExitsWithTwo() {
        status = 403;
        answer = "{\"code\":\"forbidden\",\"detail\":\"no\"}";

        assertThat(Marquee.commandLine().execute("apps", "list", "--url", url, "--token", "T")).isEqualTo(2);
        assertThat(Marquee.commandLine().execute("apps", "list", "--url", url, "--token", "")).isEqualTo(2);
        assertThat(seen).hasSize(1);
    }

    @Test
    void everyOperationHasHelp() {
        for (String operation : List.of("create", "rotate", "revoke", "list")) {
            assertThat(Marquee.commandLine().execute("apps", operation, "--help")).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--permissions", "--drop-previous", "MARQUEE_TOKEN");
    }

    private void answer(HttpExchange exchange) throws IOException {
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
