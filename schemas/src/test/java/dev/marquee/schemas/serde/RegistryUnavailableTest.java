package dev.marquee.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.marquee.registry.InMemorySchemaStore;
import dev.marquee.registry.SchemaRegistryServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A registry that cannot answer for a moment (restarting, overloaded: 503) does not make records undecodable: the
 * deserializer asks again until it answers, within its patience. A refusal (an unknown id) is final at once.
 */
class RegistryUnavailableTest {

    private SchemaRegistryServer registry;
    private HttpServer flaky;
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        SchemaRegistryClient real = new SchemaRegistryClient(List.of(URI.create(registry.url())));
        flaky = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        flaky.createContext("/", exchange -> {
            requests.incrementAndGet();
            int status;
            byte[] body;
            if (refusalsLeft.getAndDecrement() > 0) {
                status = 503;
                body = "{\"error_code\":50300,\"message\":\"restarting\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                int id = Integer.parseInt(exchange.getRequestURI().getPath().replaceAll(".*/", ""));
                try {
                    body = ("{\"schema\":" + JsonMapper.builderWithJackson2Defaults().build().writeValueAsString(real.getById(id).toString()) + "}")
                            .getBytes(StandardCharsets.UTF_8);
                    status = 200;
                } catch (SchemaRegistryException e) {
                    body = ("{\"error_code\":" + e.errorCode() + ",\"message\":\"unknown\"}").getBytes(StandardCharsets.UTF_8);
                    status = e.status();
                }
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        flaky.start();
    }

    @AfterEach
    void stop() {
        flaky.stop(0);
        registry.close();
    }

    @Test
    void aRegistryThatAnswersAgainSoonIsAskedAgain() {
        byte[] bytes = serializer().serialize("flaky", Events.seatsHeld());
        refusalsLeft.set(3);

        Object read = deserializer(10_000).deserialize("flaky", bytes);

        assertThat(read).isEqualTo(Events.seatsHeld());
        assertThat(requests.get()).isEqualTo(4);
    }

    @Test
    void aRegistryThatStaysAwayPastThePatienceMakesTheRecordUndecodable() {
        byte[] bytes = serializer().serialize("flaky", Events.seatsHeld());
        refusalsLeft.set(Integer.MAX_VALUE);

        assertThatThrownBy(() -> deserializer(500).deserialize("flaky", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("503");
        assertThat(requests.get()).isBetween(2, 5);
    }

    @Test
    void anUnknownIdIsNotAskedForAgain() {
        byte[] bytes = serializer().serialize("flaky", Events.seatsHeld());
        bytes[4] = 99;

        assertThatThrownBy(() -> deserializer(10_000).deserialize("flaky", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("404");
        assertThat(requests.get()).isEqualTo(1);
    }

    private ConfluentAvroSerializer serializer() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", registry.url()), false);
        return serializer;
    }

    private ConfluentAvroDeserializer deserializer(long patienceMillis) {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:" + flaky.getAddress().getPort(),
                "specific.avro.reader", "true", "marquee.schema.registry.patience.ms", patienceMillis), false);
        return deserializer;
    }
}
