package dev.marquee.payments.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.marquee.payments.Refund;
import dev.marquee.payments.PaymentListenerFailures;
import dev.marquee.payments.RefundNotDoneException;
import dev.marquee.payments.RefundRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The refund API client against a stand-in gateway on a local port. */
class HttpRefundGatewayTest {

    static final Refund REFUND = new Refund("refund-1", "alipay", "T-1", 9_000, "CNY", "SEATS_GONE");

    final JsonMapper json = JsonMapper.builder().build();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(200);
    HttpServer server;
    HttpRefundGateway gateway;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alipay/refunds", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alipay/refunds");
        gateway = new HttpRefundGateway(new PaymentGatewaysProperties(
                Map.of("alipay", new PaymentGatewaysProperties.Gateway(url),
                        "stripe", new PaymentGatewaysProperties.Gateway(URI.create("http://127.0.0.1:1/refunds"))),
                Duration.ofSeconds(1), Duration.ofSeconds(2)), json);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsTheRefundAsJson() {
        gateway.refund(REFUND);

        assertThat(bodies).singleElement().satisfies(body -> {
            JsonNode sent = json.readTree(body);
            assertThat(sent.get("refundId").asString()).isEqualTo("refund-1");
            assertThat(sent.get("tradeNo").asString()).isEqualTo("T-1");
            assertThat(sent.get("amountMinor").asLong()).isEqualTo(9_000);
            assertThat(sent.get("currency").asString()).isEqualTo("CNY");
            assertThat(sent.get("reason").asString()).isEqualTo("SEATS_GONE");
        });
    }

    /** A 5xx is transient for the consumer's retries (never set aside after three tries), and so are 408 and 429. */
    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 408, 429})
    void aGatewayInTroubleIsAskedAgainLater(int status) {
        answer.set(status);

        assertThatThrownBy(() -> gateway.refund(REFUND)).isInstanceOf(RefundNotDoneException.class)
                .hasMessageContaining(Integer.toString(status))
                .satisfies(e -> assertThat(PaymentListenerFailures.isTransient(e)).isTrue());
    }

    @Test
    void aRefusalIsFinal() {
        answer.set(422);

        assertThatThrownBy(() -> gateway.refund(REFUND)).isInstanceOf(RefundRejectedException.class)
                .hasMessageContaining("422")
                .satisfies(e -> assertThat(PaymentListenerFailures.isTransient(e)).isFalse());
    }

    @Test
    void anUnreachableGatewayIsAskedAgainLater() {
        assertThatThrownBy(() -> gateway.refund(new Refund("refund-2", "stripe", "pi_1", 500, "USD", "SEATS_GONE")))
                .isInstanceOf(RefundNotDoneException.class)
                .satisfies(e -> assertThat(PaymentListenerFailures.isTransient(e)).isTrue());
    }

    @Test
    void aGatewayWithoutRefundUrlIsARefusal() {
        assertThatThrownBy(() -> gateway.refund(new Refund("refund-3", "paypal", "X", 1, "EUR", "SEATS_GONE")))
                .isInstanceOf(RefundRejectedException.class).hasMessageContaining("marquee.payments.gateways.paypal");
    }
}
