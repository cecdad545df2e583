package dev.marquee.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.events.OrderRequested;
import dev.marquee.events.SeatsHeld;
import dev.marquee.registry.InMemorySchemaStore;
import dev.marquee.registry.SchemaRegistryServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {

    private static final String TOPIC_RECORD_STRATEGY = "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy";

    private static SchemaRegistryServer registry;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void startRegistry() {
        registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        client = new SchemaRegistryClient(List.of(URI.create(registry.url())));
    }

    @AfterAll
    static void stopRegistry() {
        client.close();
        registry.close();
    }

    @Test
    void roundTripsEventsIntoTheirGeneratedClasses() {
        var serializer = serializer(Map.of("value.subject.name.strategy", TOPIC_RECORD_STRATEGY));
        var deserializer = deserializer(Map.of("specific.avro.reader", "true"));

        for (SpecificRecord event : List.of(Events.orderRequested(), Events.seatsHeld(), Events.ticketsIssued(),
                Events.paymentCallbackReceived(), Events.orderExpired())) {
            byte[] bytes = serializer.serialize("round-trip", event);
            assertThat(deserializer.deserialize("round-trip", bytes)).isEqualTo(event);
        }
    }

    @Test
    void readsGenericRecordsUnlessAskedForSpecificOnes() {
        byte[] bytes = serializer(Map.of()).serialize("generic", Events.seatsHeld());

        Object read = deserializer(Map.of()).deserialize("generic", bytes);

        assertThat(read).isInstanceOf(GenericRecord.class).isNotInstanceOf(SeatsHeld.class);
        assertThat(((GenericRecord) read).get("orderId")).hasToString(Events.ORDER_ID);
        assertThat(((GenericRecord) read).get("seats")).asString().isEqualTo("[E7, E8]");
    }

    @Test
    void writesMagicByteThenSchemaIdThenAvroBinary() throws IOException {
        OrderRequested event = Events.orderRequested();

        byte[] bytes = serializer(Map.of()).serialize("layout", event);

        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(id).isEqualTo(client.lookup("layout-value", OrderRequested.getClassSchema()));
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(event));
        assertThat(client.getById(id)).isEqualTo(OrderRequested.getClassSchema());
    }

    @Test
    void topicRecordNameStrategyRegistersOneSubjectPerEventType() {
        byte[] bytes = serializer(Map.of("value.subject.name.strategy", TOPIC_RECORD_STRATEGY))
                .serialize("seat-events", Events.seatsHeld());

        assertThat(client.lookup("seat-events-dev.marquee.events.SeatsHeld", SeatsHeld.getClassSchema()))
                .isEqualTo(ByteBuffer.wrap(bytes, 1, 4).getInt());
        assertThatThrownBy(() -> client.lookup("seat-events-value", SeatsHeld.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void anIncompatibleSchemaFailsSerializationWithTheRegistrysAnswer() {
        Schema v1 = thing("""
                {"name":"a","type":"string"}""");
        Schema v2 = thing("""
                {"name":"a","type":"string"},{"name":"b","type":"string"}""");
        var serializer = serializer(Map.of());
        serializer.serialize("things", record(v1, "a", "x"));

        GenericData.Record incompatible = record(v2, "a", "x");
        incompatible.put("b", "y");

        assertThatThrownBy(() -> serializer.serialize("things", incompatible))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("things-value")
                .hasMessageContaining("409")
                .hasRootCauseInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void withoutAutoRegisterOnlyLooksSchemasUp() {
        Schema schema = thing("""
                {"name":"c","type":"long"}""");
        var serializer = serializer(Map.of("auto.register.schemas", "false"));

        assertThatThrownBy(() -> serializer.serialize("lookup-only", record(schema, "c", 1L)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("look up");

        int id = client.register("lookup-only-value", schema);
        byte[] bytes = serializer.serialize("lookup-only", record(schema, "c", 1L));
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void refusesBytesWithAnUnknownMagicByte() {
        assertThatThrownBy(() -> deserializer(Map.of()).deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x01");
    }

    @Test
    void refusesToReadIntoAGeneratedClassThatDoesNotExist() {
        byte[] bytes = serializer(Map.of()).serialize("no-class", record(thing("""
                {"name":"d","type":"int"}"""), "d", 4));

        assertThatThrownBy(() -> deserializer(Map.of("specific.avro.reader", "true")).deserialize("no-class", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("No generated class dev.marquee.test.Thing");
    }

    @Test
    void passesTombstonesThrough() {
        assertThat(serializer(Map.of()).serialize("t", null)).isNull();
        assertThat(deserializer(Map.of()).deserialize("t", null)).isNull();
    }

    @Test
    void usesTheFirstReachableRegistryAndNeedsNoHttpOnceCached() {
        try (var second = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore())) {
            Map<String, Object> config = Map.of("schema.registry.url", "http://127.0.0.1:1," + second.url(),
                    "specific.avro.reader", true);
            var serializer = new ConfluentAvroSerializer();
            serializer.configure(config, false);
            var deserializer = new ConfluentAvroDeserializer();
            deserializer.configure(config, false);
            deserializer.deserialize("cached", serializer.serialize("cached", Events.ticketsIssued()));
            second.close();

            byte[] bytes = serializer.serialize("cached", Events.ticketsIssued());

            assertThat(deserializer.deserialize("cached", bytes)).isEqualTo(Events.ticketsIssued());
        }
    }

    private static ConfluentAvroSerializer serializer(Map<String, Object> extra) {
        var serializer = new ConfluentAvroSerializer();
        serializer.configure(config(extra), false);
        return serializer;
    }

    private static ConfluentAvroDeserializer deserializer(Map<String, Object> extra) {
        var deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(config(extra), false);
        return deserializer;
    }

    private static Map<String, Object> config(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put("schema.registry.url", registry.url());
        return config;
    }

    private static Schema thing(String fields) {
        return new Schema.Parser().parse("""
                {"type":"record","name":"Thing","namespace":"dev.marquee.test","fields":[%s]}""".formatted(fields));
    }

    private static GenericData.Record record(Schema schema, String field, Object value) {
        GenericData.Record record = new GenericData.Record(schema);
        record.put(field, value);
        return record;
    }

    private static byte[] avroBinary(OrderRequested event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(OrderRequested.class).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
