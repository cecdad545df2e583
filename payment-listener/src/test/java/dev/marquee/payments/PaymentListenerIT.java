package dev.marquee.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.events.OrderPaid;
import dev.marquee.events.OrderRequested;
import dev.marquee.events.PaymentCallbackReceived;
import dev.marquee.events.RefundCompleted;
import dev.marquee.events.RefundRequested;
import dev.marquee.events.TicketsIssued;
import dev.marquee.ledger.HallLock;
import dev.marquee.payments.Cinema.Screening;
import dev.marquee.schemas.Topics;
import dev.marquee.schemas.serde.ConfluentAvroDeserializer;
import dev.marquee.schemas.serde.ConfluentAvroSerializer;
import dev.marquee.stack.EmbeddedStack;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as deployed, on the embedded stack: callbacks in on {@code payment-callbacks}, events out on
 * {@code seat-events} and {@code order-events}, refunds through a stand-in gateway.
 */
class PaymentListenerIT {

    static final Pattern REFUND_ID = Pattern.compile("\"refundId\"\\s*:\\s*\"([^\"]+)\"");

    static EmbeddedStack stack;
    static HikariDataSource db;
    static HttpServer gateway;
    static final Map<String, AtomicInteger> refundCalls = new ConcurrentHashMap<>();
    static ConfigurableApplicationContext app;
    static KafkaProducer<String, Object> producer;
    static Cinema cinema;

    @BeforeAll
    static void start() throws IOException {
        stack = EmbeddedStack.shared();
        db = stack.appDataSource(10);
        gateway = startGateway();
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("marquee.payments.gateways.alipay.refund-url",
                "http://127.0.0.1:" + gateway.getAddress().getPort() + "/alipay/refunds");
        app = PaymentListenerApplication.application().registerShutdownHook(false)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.kafkaBootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", ConfluentAvroSerializer.class,
                "schema.registry.url", stack.schemaRegistryUrl(),
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"));
        cinema = new Cinema(db, app.getBean(HallLock.class), PaymentListenerIT::requested);
    }

    @AfterAll
    static void stop() {
        producer.close();
        app.close();
        gateway.stop(0);
        db.close();
    }

    @Test
    void aCallbackDeliveredFiveTimesSellsTheSeatsOnceAndRepeatsTheSameEvents() throws Exception {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "A1", "A2");
        PaymentCallbackReceived callback = callback(order, "TRADE_SUCCESS");

        for (int i = 0; i < 5; i++) {
            producer.send(new ProducerRecord<>(Topics.PAYMENT_CALLBACKS, order, callback)).get();
        }

        await().atMost(Duration.ofSeconds(90))
                .until(() -> events(Topics.ORDER_EVENTS, order, OrderPaid.class).size() >= 5);
        List<TicketsIssued> tickets = events(Topics.SEAT_EVENTS, order, TicketsIssued.class);
        List<OrderPaid> paid = events(Topics.ORDER_EVENTS, order, OrderPaid.class);
        assertThat(tickets).hasSizeGreaterThanOrEqualTo(5).extracting(TicketsIssued::getEventId).containsOnly(
                tickets.getFirst().getEventId());
        assertThat(paid).extracting(OrderPaid::getEventId).containsOnly(paid.getFirst().getEventId());
        assertThat(tickets.getFirst().getSeats()).containsExactly("A1", "A2");
        assertThat(tickets.getFirst().getMovieId()).isEqualTo(screening.movieId());
        assertThat(tickets.getFirst().getCinemaId()).isEqualTo(screening.cinemaId());
        assertThat(paid.getFirst().getRetaken()).isFalse();
        assertThat(cinema.seats(screening)).containsExactly("A1=" + order + ":SOLD", "A2=" + order + ":SOLD");
        assertThat(cinema.tradeRows(order)).isEqualTo(1);
    }

    /** Refunds reads order-events for RefundRequested only; the other events there do not hold it up. */
    @Test
    void theRefundsConsumerPassesOverOtherOrderEvents() throws Exception {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "D1");

        producer.send(new ProducerRecord<>(Topics.PAYMENT_CALLBACKS, order, callback(order, "TRADE_SUCCESS"))).get();

        await().atMost(Duration.ofSeconds(90))
                .until(() -> !events(Topics.ORDER_EVENTS, order, OrderPaid.class).isEmpty());
        ConsumerRecord<String, Object> paid = records(Topics.ORDER_EVENTS, order).getFirst();
        TopicPartition partition = new TopicPartition(paid.topic(), paid.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("payment-refunds")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > paid.offset();
            });
        }
    }

    @Test
    void aPaymentForSeatsSoldMeanwhileIsRefundedThroughTheGatewayEvenIfItFailsAtFirst() throws Exception {
        Screening screening = cinema.newScreening();
        String late = cinema.heldOrder(screening, Duration.ofMinutes(-1), "B1");
        cinema.release(screening, "B1");
        String other = cinema.heldOrder(screening, Duration.ofMinutes(10), "B1");

        producer.send(new ProducerRecord<>(Topics.PAYMENT_CALLBACKS, late, callback(late, "TRADE_SUCCESS"))).get();

        await().atMost(Duration.ofSeconds(90))
                .until(() -> !events(Topics.ORDER_EVENTS, late, RefundCompleted.class).isEmpty());
        RefundRequested requested = events(Topics.ORDER_EVENTS, late, RefundRequested.class).getFirst();
        RefundCompleted completed = events(Topics.ORDER_EVENTS, late, RefundCompleted.class).getFirst();
        assertThat(requested.getReason()).isEqualTo("SEATS_GONE");
        assertThat(completed.getRefundId()).isEqualTo(requested.getEventId());
        assertThat(completed.getAmountMinor()).isEqualTo(9_000);
        assertThat(refundCalls.get(requested.getEventId())).hasValueGreaterThanOrEqualTo(2);
        assertThat(cinema.seats(screening)).containsExactly("B1=" + other + ":HELD");
    }

    @Test
    void anUndecodableCallbackIsKeptInTheDeadLetterTopicAndTheNextOneIsSettled() throws Exception {
        byte[] garbage = ("not a callback " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "C1");
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.PAYMENT_CALLBACKS, order, garbage)).get();
        }

        producer.send(new ProducerRecord<>(Topics.PAYMENT_CALLBACKS, order, callback(order, "TRADE_SUCCESS"))).get();

        await().atMost(Duration.ofSeconds(90)).until(() -> cinema.tradeRows(order) == 1);
        assertThat(cinema.seats(screening)).containsExactly("C1=" + order + ":SOLD");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters())
                .anySatisfy(value -> assertThat(value).isEqualTo(garbage)));
    }

    /**
     * A crafted callback that can never be settled (a trade number no gateway issues, longer than the trade log
     * stores) shares its partition with a good one behind it: the good one is settled at once, the bad one is set
     * aside in the dead-letter topic with its cause, and the partition is not stalled.
     */
    @Test
    void aPoisonCallbackIsDeadLetteredWithItsCauseAndTheOneBehindItIsSettled() throws Exception {
        Screening screening = cinema.newScreening();
        String poisoned = cinema.heldOrder(screening, Duration.ofMinutes(10), "E1");
        String good = cinema.heldOrder(screening, Duration.ofMinutes(10), "E2");
        PaymentCallbackReceived poison = callback(poisoned, "TRADE_SUCCESS");
        poison.setTradeNo("T-" + "7".repeat(300));
        poison.setNotifyId("poison-" + poisoned);

        producer.send(new ProducerRecord<>(Topics.PAYMENT_CALLBACKS, good, poison)).get();
        producer.send(new ProducerRecord<>(Topics.PAYMENT_CALLBACKS, good, callback(good, "TRADE_SUCCESS"))).get();

        await().atMost(Duration.ofSeconds(90)).until(() -> cinema.tradeRows(good) == 1);
        assertThat(cinema.seats(screening)).containsExactly("E1=" + poisoned + ":HELD", "E2=" + good + ":SOLD");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetterRecords())
                .anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo(good);
                    assertThat(header(record, "kafka_dlt-exception-stacktrace"))
                            .contains("Data too long for column 'trade_no'");
                }));
        assertThat(cinema.tradeRows(poisoned)).isZero();
    }

    /** What payment-listener's order-requests consumer reads: the order's request, keyed by hall. */
    private static void requested(OrderSnapshot order) {
        Instant now = Instant.now();
        OrderRequested requested = OrderRequested.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setOrderId(order.orderId())
                .setCustomerId(order.customerId())
                .setScreeningId(order.screeningId())
                .setHallId(order.hallId())
                .setMovieId(order.movieId())
                .setCinemaId(order.cinemaId())
                .setScreeningStartsAt(order.screeningStartsAt())
                .setSeats(List.of())
                .setAmountMinor(order.amountMinor())
                .setCurrency(order.currency())
                .build();
        try {
            producer.send(new ProducerRecord<>(Topics.ORDER_REQUESTS, Long.toString(order.hallId()), requested)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PaymentCallbackReceived callback(String orderId, String status) {
        Instant now = Instant.now();
        return PaymentCallbackReceived.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setOrderId(orderId)
                .setPaymentId("pay-" + orderId)
                .setGateway("alipay")
                .setNotifyId("notify-" + orderId)
                .setTradeNo("T-" + orderId)
                .setTradeStatus(status)
                .setAmountMinor(9_000)
                .setCurrency("CNY")
                .setNotifiedAt(now)
                .setParams(Map.of())
                .build();
    }

    /** Every event of {@code type} for the order on the topic so far, oldest first. */
    private static <T extends SpecificRecord> List<T> events(String topic, String orderId, Class<T> type) {
        return records(topic, orderId).stream().filter(r -> type.isInstance(r.value()))
                .map(r -> type.cast(r.value())).toList();
    }

    private static List<ConsumerRecord<String, Object>> records(String topic, String orderId) {
        Map<String, Object> config = Map.of("bootstrap.servers", stack.kafkaBootstrapServers(),
                "key.deserializer", StringDeserializer.class, "value.deserializer", ConfluentAvroDeserializer.class,
                "schema.registry.url", stack.schemaRegistryUrl(), "specific.avro.reader", "true");
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            return readAll(consumer, topic).stream().filter(r -> orderId.equals(r.key())).toList();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetterRecords() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return readAll(consumer, Topics.PAYMENT_CALLBACKS + "-dlt");
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<byte[]> deadLetters() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return readAll(consumer, Topics.PAYMENT_CALLBACKS + "-dlt").stream().map(ConsumerRecord::value).toList();
        }
    }

    private static <V> List<ConsumerRecord<String, V>> readAll(KafkaConsumer<String, V> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    /** A gateway whose refund API is down for the first call of each refund, then refunds (once per id). */
    private static HttpServer startGateway() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alipay/refunds", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher id = REFUND_ID.matcher(body);
            int calls = id.find() ? refundCalls.computeIfAbsent(id.group(1), k -> new AtomicInteger()).incrementAndGet()
                    : 0;
            exchange.sendResponseHeaders(calls == 0 ? 400 : calls == 1 ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
