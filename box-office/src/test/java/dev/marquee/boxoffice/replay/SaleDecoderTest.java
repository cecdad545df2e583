package dev.marquee.boxoffice.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import dev.marquee.boxoffice.SaleEvent;
import dev.marquee.events.OrderExpired;
import dev.marquee.events.OrderPaid;
import dev.marquee.events.RefundCompleted;
import dev.marquee.events.TicketsIssued;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The replay's sale decoder against a stand-in registry: the fields the tally needs, whatever else a writer schema
 * carries around them, and the other event types not decoded at all.
 */
class SaleDecoderTest {

    static final Instant PAID_AT = Instant.parse("2026-03-14T04:00:00Z");

    final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
    HttpServer registry;
    SaleDecoder decoder;

    @BeforeEach
    void start() throws IOException {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/schemas/ids/", exchange -> {
            Schema schema = schemas.get(Integer.parseInt(exchange.getRequestURI().getPath().replaceAll(".*/", "")));
            byte[] body = ("{\"schema\":\"" + schema.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
        decoder = new SaleDecoder("http://127.0.0.1:" + registry.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        decoder.close();
        registry.stop(0);
    }

    @Test
    void readsAPaymentOfTheCurrentSchema() {
        OrderPaid paid = OrderPaid.newBuilder().setEventId("e1").setOccurredAt(PAID_AT).setOrderId("o1")
                .setTradeNo("T1").setAmountMinor(9_000).setCurrency("CNY").setMovieId(7).setCinemaId(3)
                .setScreeningId(11).setGateway("alipay").setRetaken(true).setPaymentId("p1").build();

        assertThat(decoder.decode("order-events", encode(1, paid.getSchema(), paid)))
                .isEqualTo(new SaleEvent.Paid("e1", "o1", "T1", PAID_AT, 9_000, "CNY", 7, 3));
    }

    @Test
    void countsTheTicketsAndReadsARefund() {
        TicketsIssued tickets = TicketsIssued.newBuilder().setEventId("e2").setOccurredAt(PAID_AT).setOrderId("o1")
                .setScreeningId(11).setHallId(5).setMovieId(7).setCinemaId(3).setSeats(List.of("E1", "E2", "E3"))
                .setAmountMinor(9_000).setCurrency("CNY").setFencingToken(4).build();
        RefundCompleted refund = RefundCompleted.newBuilder().setEventId("e3").setOccurredAt(PAID_AT)
                .setOrderId("o1").setPaymentId("p1").setRefundId("r1").setGateway("alipay").setTradeNo("T1")
                .setAmountMinor(4_500).setCurrency("CNY").build();

        assertThat(decoder.decode("seat-events", encode(2, tickets.getSchema(), tickets)))
                .isEqualTo(new SaleEvent.Ticketed("e2", "o1", 3));
        assertThat(decoder.decode("order-events", encode(3, refund.getSchema(), refund)))
                .isEqualTo(new SaleEvent.Refunded("e3", "o1", "T1", 4_500, "CNY"));
    }

    @Test
    void skipsFieldsOfEveryKindAroundTheNeededOnes() {
        Schema item = SchemaBuilder.record("Item").fields().requiredInt("a")
                .name("b").type().unionOf().nullType().and().doubleType().endUnion().nullDefault().endRecord();
        Schema writer = SchemaBuilder.record("OrderPaid").namespace("dev.marquee.events").fields()
                .requiredString("eventId")
                .name("tags").type().map().values().array().items(item).noDefault()
                .name("occurredAt").type(OrderPaid.getClassSchema().getField("occurredAt").schema()).noDefault()
                .name("kind").type().enumeration("Kind").symbols("A", "B").noDefault()
                .requiredString("orderId")
                .name("hash").type().fixed("Hash").size(4).noDefault()
                .requiredString("tradeNo")
                .requiredBytes("blob")
                .requiredLong("amountMinor")
                .requiredFloat("ratio")
                .requiredString("currency")
                .name("maybe").type().unionOf().nullType().and().stringType().endUnion().nullDefault()
                .requiredInt("movieId")
                .requiredLong("cinemaId")
                .requiredDouble("weight")
                .endRecord();
        GenericRecord paid = new GenericData.Record(writer);
        GenericData.Record element = new GenericData.Record(item);
        element.put("a", 1);
        element.put("b", 2.5);
        paid.put("eventId", "e1");
        paid.put("tags", Map.of("x", List.of(element, element)));
        paid.put("occurredAt", PAID_AT.toEpochMilli());
        paid.put("kind", new GenericData.EnumSymbol(writer.getField("kind").schema(), "B"));
        paid.put("orderId", "o1");
        paid.put("hash", new GenericData.Fixed(writer.getField("hash").schema(), new byte[] {1, 2, 3, 4}));
        paid.put("tradeNo", "T1");
        paid.put("blob", ByteBuffer.wrap(new byte[] {9, 9}));
        paid.put("amountMinor", 9_000L);
        paid.put("ratio", 0.5f);
        paid.put("currency", "CNY");
        paid.put("maybe", "yes");
        paid.put("movieId", 7);
        paid.put("cinemaId", 3L);
        paid.put("weight", 1.5);

        assertThat(decoder.decode("order-events", encode(4, writer, paid)))
                .isEqualTo(new SaleEvent.Paid("e1", "o1", "T1", PAID_AT, 9_000, "CNY", 7, 3));
    }

    @Test
    void aWriterSchemaItCannotReadFieldByFieldIsDecodedInFull() {
        Schema writer = SchemaBuilder.record("OrderPaid").namespace("dev.marquee.events").fields()
                .requiredString("eventId")
                .name("occurredAt").type(OrderPaid.getClassSchema().getField("occurredAt").schema()).noDefault()
                .requiredString("orderId")
                .name("tradeNo").type().unionOf().nullType().and().stringType().endUnion().nullDefault()
                .requiredLong("amountMinor").requiredString("currency").requiredLong("movieId")
                .requiredLong("cinemaId").requiredLong("screeningId")
                .endRecord();
        GenericRecord paid = new GenericData.Record(writer);
        paid.put("eventId", "e1");
        paid.put("occurredAt", PAID_AT.toEpochMilli());
        paid.put("orderId", "o1");
        paid.put("tradeNo", "T1");
        paid.put("amountMinor", 9_000L);
        paid.put("currency", "CNY");
        paid.put("movieId", 7L);
        paid.put("cinemaId", 3L);
        paid.put("screeningId", 11L);

        assertThat(decoder.decode("order-events", encode(5, writer, paid)))
                .isEqualTo(new SaleEvent.Paid("e1", "o1", "T1", PAID_AT, 9_000, "CNY", 7, 3));
    }

    @Test
    void otherEventsAreNoSaleAndGarbageIsRefused() {
        OrderExpired expired = OrderExpired.newBuilder().setEventId("e9").setOccurredAt(PAID_AT).setOrderId("o1")
                .build();

        assertThat(decoder.decode("order-events", encode(6, expired.getSchema(), expired))).isNull();
        assertThat(decoder.decode("order-events", null)).isNull();
        assertThatThrownBy(() -> decoder.decode("order-events", "not avro".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
        byte[] truncated = encode(7, OrderPaid.getClassSchema(), OrderPaid.newBuilder().setEventId("e1")
                .setOccurredAt(PAID_AT).setOrderId("o1").setTradeNo("T1").setAmountMinor(1).setCurrency("CNY")
                .setMovieId(1).setCinemaId(1).setScreeningId(1).build());
        assertThatThrownBy(() -> decoder.decode("order-events", Arrays.copyOf(truncated, 12)))
                .isInstanceOf(SerializationException.class);
    }

    private byte[] encode(int id, Schema schema, Object record) {
        schemas.put(id, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<Object>(schema, record instanceof GenericData.Record ? GenericData.get()
                    : SpecificData.getForClass(record.getClass())).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
