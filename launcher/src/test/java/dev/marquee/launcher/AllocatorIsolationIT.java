package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitDecision;
import static dev.marquee.launcher.Api.heldOrder;
import static dev.marquee.launcher.Api.json;
import static dev.marquee.launcher.Api.post;
import static dev.marquee.launcher.Api.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import dev.marquee.events.OrderRequested;
import dev.marquee.schemas.Topics;
import dev.marquee.schemas.serde.ConfluentAvroSerializer;
import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * One order cannot stall a partition (DESIGN §7): an order whose rejection once could not be recorded is decided
 * with a bounded detail, and a request the database refuses is rejected alone (INTERNAL_ERROR) while the rest of
 * its batch is decided as usual. Both halls sell on.
 */
class AllocatorIsolationIT {

    static final long PREMIERE_HALL = 2;

    @BeforeAll
    static void start() {
        SharedPipeline.get();
    }

    /**
     * The order: six seats placed between single-seat holds, so that ORPHAN_SEAT names twelve stranded
     * seats, 290 characters where allocation.detail keeps 255.
     */
    @Test
    void theCraftedOrderIsRejectedWithABoundedDetailAndTheHallSellsOn() throws Exception {
        long screening = Api.newScreening(PREMIERE_HALL);
        for (String seat : List.of("A1", "A5", "A9", "A13", "A17", "B1", "B5", "B9")) {
            heldOrder(screening, seat);
        }

        String crafted = json(post("/api/orders", "{\"screeningId\":" + screening
                + ",\"seats\":[\"A3\",\"A7\",\"A11\",\"A15\",\"B3\",\"B7\"]}")).read("$.id");

        DocumentContext order = awaitDecision(crafted);
        assertThat(order.<String>read("$.status")).isEqualTo("REJECTED");
        assertThat(order.<String>read("$.rejection.reason")).isEqualTo("ORPHAN_SEAT");
        assertThat(order.<String>read("$.rejection.detail")).hasSizeLessThanOrEqualTo(255)
                .startsWith("A2 would be left alone; A4 would be left alone;").matches(".*… and \\d+ more");
        assertThat(query("SELECT detail FROM allocation WHERE order_id = '" + crafted + "'"))
                .containsExactly(order.<String>read("$.rejection.detail"));
        heldOrder(screening, "C10");
    }

    /**
     * A request whose customer id is longer than the ledger's column (a producer other than order-api, which
     * refuses it at the edge) sits between four orders of the same hall in one poll: its seat claim is refused with
     * 'Data too long', it alone is rejected INTERNAL_ERROR, the four are held, and the seat it asked for stays free.
     */
    @Test
    void aRequestTheDatabaseRefusesIsRejectedAloneAndTheRestOfItsBatchIsHeld() throws Exception {
        long screening = Api.newScreening(PREMIERE_HALL);
        MessageListenerContainer allocator = SharedPipeline.get().context("seat-allocator")
                .getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("seat-allocator");
        String refused = UUID.randomUUID().toString();
        List<String> others = new ArrayList<>();
        long queued = Api.records(Topics.ORDER_REQUESTS);
        allocator.stop();
        try {
            others.add(order(screening, "E1"));
            others.add(order(screening, "E5"));
            awaitQueued(queued + 2);
            send(request(refused, "x".repeat(80), screening, "E9"));
            others.add(order(screening, "E13"));
            others.add(order(screening, "E17"));
            awaitQueued(queued + 5);
        } finally {
            allocator.start();
        }

        for (String id : others) {
            assertThat(awaitDecision(id).<String>read("$.status")).as("order %s", id).isEqualTo("HELD");
        }
        List<String> answer = await().atMost(Duration.ofSeconds(20)).until(() -> query(
                "SELECT CONCAT(outcome, '/', reason), detail FROM allocation WHERE order_id = '" + refused + "'"),
                rows -> !rows.isEmpty());
        assertThat(answer.getFirst()).startsWith("REJECTED/INTERNAL_ERROR=");
        assertThat(answer.getFirst().length() - "REJECTED/INTERNAL_ERROR=".length()).isLessThanOrEqualTo(255);
        assertThat(Api.count("SELECT COUNT(*) FROM seat_claim WHERE order_id = '" + refused + "'")).isZero();
        heldOrder(screening, "E9");
    }

    /**
     * A request whose order id does not fit the ledger at all (no claim and no rejection can be recorded for it)
     * goes to order-requests-dlt with its cause, and the hall sells on.
     */
    @Test
    void aRequestThatCannotEvenBeRejectedIsDeadLetteredWithItsCause() throws Exception {
        long screening = Api.newScreening(PREMIERE_HALL);
        String unfit = UUID.randomUUID() + "-unfit";

        send(request(unfit, "unfit", screening, "H9"));

        Header cause = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterCause(unfit), c -> c != null);
        assertThat(new String(cause.value(), StandardCharsets.UTF_8)).contains("Data too long for column 'order_id'");
        heldOrder(screening, "H9");
    }

    /** The exception message the dead letter of this order's request carries, or null if there is none yet. */
    private static Header deadLetterCause(String orderId) {
        EmbeddedStack stack = EmbeddedStack.shared();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                stack.kafkaBootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDER_REQUESTS + "-dlt").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (new String(record.value(), StandardCharsets.ISO_8859_1).contains(orderId)) {
                        return record.headers().lastHeader("kafka_dlt-exception-message");
                    }
                }
            }
            return null;
        }
    }

    private static String order(long screening, String seat) throws Exception {
        return json(post("/api/orders", "{\"screeningId\":"
                + screening + ",\"seats\":[\"" + seat + "\"]}")).read("$.id");
    }

    private static void awaitQueued(long records) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.records(Topics.ORDER_REQUESTS) >= records);
    }

    private static OrderRequested request(String orderId, String customerId, long screening, String seat) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return OrderRequested.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                .setOrderId(orderId).setCustomerId(customerId).setScreeningId(screening).setHallId(PREMIERE_HALL)
                .setMovieId(1).setCinemaId(1).setScreeningStartsAt(now.plus(Duration.ofDays(1)))
                .setSeats(List.of(seat)).setAnySeats(0).setAmountMinor(6000).setCurrency("CNY").build();
    }

    private static void send(OrderRequested request) throws Exception {
        EmbeddedStack stack = EmbeddedStack.shared();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(), "key.serializer", StringSerializer.class,
                "value.serializer", ConfluentAvroSerializer.class, "schema.registry.url", stack.schemaRegistryUrl(),
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))) {
            producer.send(new ProducerRecord<>(Topics.ORDER_REQUESTS, Long.toString(PREMIERE_HALL), request)).get();
        }
    }
}
