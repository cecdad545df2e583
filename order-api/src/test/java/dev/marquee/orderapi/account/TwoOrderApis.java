package dev.marquee.orderapi.account;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.gateway.GatewayKeys;
import dev.marquee.gateway.simulator.GatewaySimulator;
import dev.marquee.gateway.simulator.SimulatorSettings;
import dev.marquee.gateway.simulator.SmsMessage;
import dev.marquee.orderapi.OrderApiApplication;
import dev.marquee.orderapi.TestCatalog;
import dev.marquee.stack.EmbeddedStack;
import org.redisson.api.RedissonClient;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two order-api instances on the one embedded stack, texting their codes through the gateway simulator (behind a
 * switch that can take the SMS gateway down), with the demo accounts seeded. Started once per test JVM.
 */
final class TwoOrderApis {

    static final String DEMO_PASSWORD = "it-demo-password-7q";
    /** Sends asked from one address per window, in these tests (from 127.0.0.1, every send counts). */
    static final int PER_IP = 8;

    private static TwoOrderApis started;

    final ConfigurableApplicationContext a;
    final ConfigurableApplicationContext b;
    final GatewaySimulator simulator;
    final SmsGatewaySwitch smsGateway;
    final JdbcClient jdbc;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TwoOrderApis(EmbeddedStack stack) {
        simulator = GatewaySimulator.start(SimulatorSettings.of(GatewayKeys.generateRsa().getPrivate(), "whsec_it")
                .withPort(0));
        stack.closeFirst(simulator);
        smsGateway = new SmsGatewaySwitch(simulator.baseUri().resolve("/sms/send"));
        stack.closeFirst(smsGateway);
        HikariDataSource db = stack.appDataSource(2);
        stack.closeFirst(db);
        jdbc = JdbcClient.create(db);
        a = start(stack);
        TestCatalog.ensure(db); // before b starts, so that b seeds the demo staff account of merchant 1
        b = start(stack);
    }

    static synchronized TwoOrderApis get() {
        if (started == null) {
            started = new TwoOrderApis(EmbeddedStack.shared());
        }
        return started;
    }

    private ConfigurableApplicationContext start(EmbeddedStack stack) {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("marquee.accounts.sms.gateway-url", smsGateway.url());
        properties.put("marquee.accounts.sms.cooldown", "1s");
        properties.put("marquee.accounts.sms.per-ip", Integer.toString(PER_IP));
        properties.put("marquee.demo.accounts", "true");
        properties.put("marquee.demo.password", DEMO_PASSWORD);
        ConfigurableApplicationContext app = OrderApiApplication.application().registerShutdownHook(false)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        stack.closeFirst(app);
        return app;
    }

    /** Forgets every code, cooldown and send count, so that each test starts within the limits. */
    void resetSmsLimits() {
        a.getBean(RedissonClient.class).getKeys().deleteByPattern("marquee:sms:*");
    }

    static String newPhone() {
        return "+8615" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    /** The code in the newest message the simulator holds for this phone. */
    String lastCode(String phone) {
        List<SmsMessage> sent = simulator.smsSentTo(phone);
        if (sent.isEmpty()) {
            throw new AssertionError("no SMS was sent to " + phone);
        }
        return sent.getFirst().text().replaceAll(".*code is ([0-9]{6}).*", "$1");
    }

    long accounts() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
    }

    record Answer(int status, String body, HttpResponse<String> response) {

        DocumentContext json() {
            return JsonPath.parse(body);
        }

        String code() {
            return json().read("$.code");
        }

        <T> T read(String path) {
            return json().read(path);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Answer post(ConfigurableApplicationContext app, String path, String json) {
        return post(app, path, json, null);
    }

    Answer post(ConfigurableApplicationContext app, String path, String json, String accessToken) {
        HttpRequest.Builder request = request(app, path, accessToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    Answer get(ConfigurableApplicationContext app, String path, String accessToken) {
        return send(request(app, path, accessToken).GET());
    }

    private HttpRequest.Builder request(ConfigurableApplicationContext app, String path, String accessToken) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        return accessToken == null ? request : request.header("Authorization", "Bearer " + accessToken);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A customer registered with a password (the code read from the simulator), signed in on {@code app}. */
    Answer register(ConfigurableApplicationContext app, String phone, String password) {
        Answer sent = post(app, "/api/auth/sms/send", "{\"phone\":\"" + phone + "\"}");
        if (sent.status() != 202) {
            throw new AssertionError("code not sent: " + sent);
        }
        return post(app, "/api/auth/register", "{\"phone\":\"%s\",\"password\":\"%s\",\"code\":\"%s\"}"
                .formatted(phone, password, lastCode(phone)));
    }

    Answer signIn(ConfigurableApplicationContext app, String phone, String password) {
        return post(app, "/api/auth/sign-in", "{\"phone\":\"%s\",\"password\":\"%s\"}".formatted(phone, password));
    }

    /**
     * The SMS gateway as order-api sees it: passes each message on to the simulator, or, taken down, answers 503
     * without passing anything on.
     */
    static final class SmsGatewaySwitch implements AutoCloseable {

        private final HttpServer server;
        private final AtomicBoolean down = new AtomicBoolean();
        private final HttpClient http = HttpClient.newHttpClient();

        SmsGatewaySwitch(URI simulator) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.createContext("/sms/send", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    byte[] body = in.readAllBytes();
                    if (down.get()) {
                        exchange.sendResponseHeaders(503, -1);
                        return;
                    }
                    HttpResponse<byte[]> passed = http.send(HttpRequest.newBuilder(simulator)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    exchange.sendResponseHeaders(passed.statusCode(), passed.body().length == 0 ? -1 : passed.body().length);
                    exchange.getResponseBody().write(passed.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send";
        }

        void down(boolean isDown) {
            down.set(isDown);
        }

        @Override
        public void close() {
            server.stop(0);
            http.close();
        }
    }
}
