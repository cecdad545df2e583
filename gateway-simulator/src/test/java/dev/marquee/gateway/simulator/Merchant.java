package dev.marquee.gateway.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marquee.gateway.AlipayGateway;
import dev.marquee.gateway.GatewayVerifier;
import dev.marquee.gateway.InboundNotification;
import dev.marquee.gateway.NotificationRejectedException;
import dev.marquee.gateway.PaymentNotification;
import dev.marquee.gateway.StripeGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A merchant's notify endpoints ({@code /alipay/notify}, {@code /stripe/notify}) for tests: verifies every callback
 * as a real merchant would, records it, and acknowledges it unless told to refuse the next few.
 */
final class Merchant implements AutoCloseable {

    /**
     * One callback as the merchant saw it: verified ({@code notification}) or not ({@code rejection} code), and
     * whether it was answered with anything but an acknowledgement.
     */
    record Call(Instant at, PaymentNotification notification, String rejection, boolean refused) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();

    Merchant(PublicKey alipayPublicKey, String stripeSecret) {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Clock clock = Clock.systemUTC();
        endpoint(new AlipayGateway(alipayPublicKey, SimulatorSettings.DEFAULT_ALIPAY_APP_ID,
                SimulatorSettings.DEFAULT_ALIPAY_SELLER_ID, Duration.ofMinutes(5), clock), "success", 200, "failure", 200);
        endpoint(new StripeGateway(stripeSecret, Duration.ofMinutes(5), clock), "", 200, "try again", 500);
        server.setExecutor(threads);
        server.start();
    }

    URI notifyUrl(String gateway) {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/" + gateway + "/notify");
    }

    /** Answers the next {@code count} verified callbacks as a merchant whose database is down would. */
    void refuseNext(int count) {
        refusals.set(count);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<PaymentNotification> acknowledged() {
        return calls.stream().filter(call -> !call.refused()).map(Call::notification)
                .toList();
    }

    List<String> rejections() {
        return calls.stream().map(Call::rejection).filter(code -> code != null).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void endpoint(GatewayVerifier verifier, String ack, int ackStatus, String nack, int nackStatus) {
        server.createContext("/" + verifier.name() + "/notify", exchange -> {
            try (exchange) {
                Instant at = Instant.now();
                try {
                    PaymentNotification notification = verifier.verify(inbound(exchange));
                    boolean refuse = refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
                    calls.add(new Call(at, notification, null, refuse));
                    answer(exchange, refuse ? nackStatus : ackStatus, refuse ? nack : ack);
                } catch (NotificationRejectedException e) {
                    calls.add(new Call(at, null, e.code(), true));
                    answer(exchange, nackStatus == 200 ? 200 : 400, nack);
                }
            }
        });
    }

    private static InboundNotification inbound(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
        try (InputStream body = exchange.getRequestBody()) {
            return new InboundNotification(exchange.getRequestHeaders().getFirst("Content-Type"), headers,
                    body.readAllBytes());
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
