package dev.marquee.orderapi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ready, not ready and unreachable told apart, each within its timeout, all asked at once. */
class ServiceReadinessTest {

    private HttpServer server;

    @BeforeEach
    void services() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/up/actuator/health/readiness", 200, "{\"status\":\"UP\"}");
        answer("/down/actuator/health/readiness", 503, "{\"status\":\"OUT_OF_SERVICE\"}");
        answer("/simulator/trades", 200, "[]");
        server.createContext("/slow/actuator/health/readiness", exchange -> {
            try {
                Thread.sleep(6_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void tellsReadyFromNotReadyFromSilentServices() throws IOException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        ConsoleProperties settings = new ConsoleProperties(List.of(
                new ConsoleProperties.Target("up", URI.create(base + "/up/"), "actuator/health/readiness"),
                new ConsoleProperties.Target("down", URI.create(base + "/down/"), "actuator/health/readiness"),
                new ConsoleProperties.Target("slow", URI.create(base + "/slow/"), "actuator/health/readiness"),
                new ConsoleProperties.Target("gone", URI.create("http://127.0.0.1:" + closedPort()), null),
                new ConsoleProperties.Target("simulator", URI.create(base + "/simulator/"), "trades")),
                Duration.ofSeconds(2));

        long start = System.nanoTime();
        List<ServiceReadiness.Readiness> answers = new ServiceReadiness(settings).now();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answers).as(answers.toString()).extracting(ServiceReadiness.Readiness::service, ServiceReadiness.Readiness::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("up", ServiceReadiness.State.READY),
                        org.assertj.core.groups.Tuple.tuple("down", ServiceReadiness.State.NOT_READY),
                        org.assertj.core.groups.Tuple.tuple("slow", ServiceReadiness.State.UNREACHABLE),
                        org.assertj.core.groups.Tuple.tuple("gone", ServiceReadiness.State.UNREACHABLE),
                        org.assertj.core.groups.Tuple.tuple("simulator", ServiceReadiness.State.READY));
        assertThat(answers.get(1).detail()).isEqualTo("HTTP 503, OUT_OF_SERVICE");
        assertThat(answers.get(3).url()).endsWith("/actuator/health/readiness");
        assertThat(took).as("asked at once, not one timeout after another").isLessThan(Duration.ofSeconds(5));
    }

    private void answer(String path, int status, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
