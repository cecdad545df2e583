package dev.marquee.orderapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.events.HoldExtended;
import dev.marquee.events.OrderExpired;
import dev.marquee.events.OrderPaid;
import dev.marquee.events.RefundCompleted;
import dev.marquee.events.RefundRequested;
import dev.marquee.events.SeatsHeld;
import dev.marquee.events.TicketsIssued;
import dev.marquee.schemas.Topics;
import dev.marquee.schemas.serde.ConfluentAvroSerializer;
import dev.marquee.stack.EmbeddedStack;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * order-api's two listeners on the embedded stack, fed crafted events: seat-events and order-events are read by two
 * containers, so one order's events arrive in either order across them; none may wedge its partition.
 */
class OrderEventsIT {

    static final int PARTITION = 2;
    static final Instant DEADLINE = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
    static final Instant EXTENDED = DEADLINE.plus(5, ChronoUnit.MINUTES);

    static EmbeddedStack stack;
    static HikariDataSource db;
    static JdbcClient jdbc;
    static ConfigurableApplicationContext app;
    static KafkaProducer<String, Object> producer;

    @BeforeAll
    static void start() throws Exception {
        stack = EmbeddedStack.shared();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            // seat-events is the allocator's to declare; order-api only reads it
            admin.createTopics(List.of(Topics.declarations(6, (short) 1, Topics.SEAT_EVENTS))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        db = stack.appDataSource(4);
        jdbc = JdbcClient.create(db);
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        app = OrderApiApplication.application().registerShutdownHook(false)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.kafkaBootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", ConfluentAvroSerializer.class,
                "schema.registry.url", stack.schemaRegistryUrl(),
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable started : new AutoCloseable[] {producer, app, db}) {
            if (started != null) {
                try {
                    started.close();
                } catch (Exception e) {
                    // closing what started; the test's own failure is what matters
                }
            }
        }
    }

    /**
     * Two gateways' payments for one expired order: the first found the seats gone and was refunded, the second
     * re-took them. Its OrderPaid is absorbed (its payment row says PAID), not refused for ever or set aside, and
     * the next event on the same partition applies at once.
     */
    @Test
    void anOrderPaidForARefundedOrderIsAbsorbedAndTheEventsAfterItStillApply() throws Exception {
        String order = newOrder("A1", "A2");
        String first = newPayment(order, "alipay");
        String second = newPayment(order, "stripe");
        send(Topics.SEAT_EVENTS, held(order, DEADLINE, "A1", "A2"));
        send(Topics.ORDER_EVENTS, expired(order));
        send(Topics.ORDER_EVENTS, refundRequested(order, first, "SEATS_GONE"));
        send(Topics.ORDER_EVENTS, refundCompleted(order, first));
        awaitStatus(order, "REFUNDED");

        send(Topics.ORDER_EVENTS, paid(order, second, true));
        String next = newOrder("B1");
        send(Topics.SEAT_EVENTS, held(next, DEADLINE, "B1"));
        send(Topics.ORDER_EVENTS, expired(next));

        awaitStatus(next, "EXPIRED");
        assertThat(status(order)).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("SELECT status FROM payment WHERE id = ?").param(second).query(String.class).single())
                .isEqualTo("PAID");
        assertThat(jdbc.sql("SELECT status FROM payment WHERE id = ?").param(first).query(String.class).single())
                .isEqualTo("REFUNDED");
        assertThat(deadLettersOf(order)).isZero();
    }

    /**
     * One order's events, from both topics and repeated, delivered three ways: order-events first (each read
     * before any seat event is sent), seat-events first, and shuffled. Every way ends as in-order delivery does.
     */
    @Test
    void oneOrdersEventsDeliveredInAnyOrderAcrossTheTwoTopicsConverge() throws Exception {
        Random random = new Random(42);
        for (Delivery delivery : Delivery.values()) {
            String expiredOrder = newOrder("C1", "C2");
            deliver(delivery, random, List.of(
                    seat(held(expiredOrder, DEADLINE, "C1", "C2")),
                    order(expired(expiredOrder))));

            String paidLate = newOrder("D1", "D2");
            String payment = newPayment(paidLate, "alipay");
            deliver(delivery, random, List.of(
                    seat(held(paidLate, DEADLINE, "D1", "D2")),
                    seat(extended(paidLate, "D1", "D2")),
                    order(expired(paidLate)),
                    seat(tickets(paidLate, "D1", "D2")),
                    order(paid(paidLate, payment, true))));

            String refunded = newOrder("E1");
            String late = newPayment(refunded, "alipay");
            deliver(delivery, random, List.of(
                    seat(held(refunded, DEADLINE, "E1")),
                    order(expired(refunded)),
                    order(refundRequested(refunded, late, "SEATS_GONE")),
                    order(refundCompleted(refunded, late))));

            awaitStatus(expiredOrder, "EXPIRED");
            awaitStatus(paidLate, "PAID");
            awaitStatus(refunded, "REFUNDED");
            assertThat(seats(expiredOrder)).as(delivery.name()).containsExactly("C1", "C2");
            assertThat(deadline(expiredOrder)).as(delivery.name()).isEqualTo(DEADLINE);
            assertThat(deadline(paidLate)).as(delivery.name()).isEqualTo(EXTENDED);
            assertThat(seats(refunded)).as(delivery.name()).containsExactly("E1");
            assertThat(jdbc.sql("SELECT refund_reason FROM customer_order WHERE id = ?").param(refunded)
                    .query(String.class).single()).as(delivery.name()).isEqualTo("SEATS_GONE");
        }
    }

    /** A SeatsHeld that contradicts its order is a permanent failure: set aside with its cause, the partition goes on. */
    @Test
    void anEventThatFailsForGoodIsDeadLetteredAndThePartitionGoesOn() throws Exception {
        String broken = newOrder("F1", "F2");
        String next = newOrder("G1");
        send(Topics.SEAT_EVENTS, held(broken, DEADLINE, "F1", "F3"));
        send(Topics.SEAT_EVENTS, held(next, DEADLINE, "G1"));

        awaitStatus(next, "HELD");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLettersOf(broken) == 1);
        assertThat(status(broken)).isEqualTo("REQUESTED");
    }

    enum Delivery { ORDER_EVENTS_FIRST, SEAT_EVENTS_FIRST, SHUFFLED }

    record Sent(String topic, SpecificRecord event) {
    }

    private static Sent seat(SpecificRecord event) {
        return new Sent(Topics.SEAT_EVENTS, event);
    }

    private static Sent order(SpecificRecord event) {
        return new Sent(Topics.ORDER_EVENTS, event);
    }

    /**
     * Sends each event and a repeat of it. For the "first" deliveries, the other topic's events are sent only once
     * order-api has applied the first topic's, so that they really are read in that order.
     */
    private static void deliver(Delivery delivery, Random random, List<Sent> history) throws Exception {
        List<Sent> sent = new ArrayList<>();
        for (Sent s : history) {
            sent.add(s);
            sent.add(s);
        }
        if (delivery == Delivery.SHUFFLED) {
            Collections.shuffle(sent, random);
            for (Sent s : sent) {
                send(s.topic(), s.event());
            }
            return;
        }
        String firstTopic = delivery == Delivery.ORDER_EVENTS_FIRST ? Topics.ORDER_EVENTS : Topics.SEAT_EVENTS;
        List<Sent> first = sent.stream().filter(s -> s.topic().equals(firstTopic)).toList();
        for (Sent s : first) {
            send(s.topic(), s.event());
        }
        for (Sent s : first) {
            String eventId = String.valueOf(s.event().get(0));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(eventId).query(Long.class).single() == 1);
        }
        for (Sent s : sent.stream().filter(s -> !s.topic().equals(firstTopic)).toList()) {
            send(s.topic(), s.event());
        }
    }

    private static void send(String topic, SpecificRecord event) throws Exception {
        String orderId = String.valueOf(event.get(2));
        producer.send(new ProducerRecord<>(topic, PARTITION, orderId, event)).get();
    }

    private static String newOrder(String... seats) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO customer_order (id, customer_id, screening_id, hall_id, seat_count, status, amount_minor,"
                        + " currency, created_at, updated_at, version) VALUES (?, 'it', 1, 1, ?, 'REQUESTED', 6000, 'CNY', ?, ?, 0)")
                .param(id).param(seats.length).param(now).param(now).update();
        for (int i = 0; i < seats.length; i++) {
            jdbc.sql("INSERT INTO order_seat (order_id, seat_label, position) VALUES (?, ?, ?)")
                    .param(id).param(seats[i]).param(i).update();
        }
        return id;
    }

    private static String newPayment(String order, String gateway) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO payment (id, order_id, gateway, amount_minor, currency, status, created_at, updated_at,"
                        + " version) VALUES (?, ?, ?, 6000, 'CNY', 'STARTED', ?, ?, 0)")
                .param(id).param(order).param(gateway).param(now).param(now).update();
        return id;
    }

    private static void awaitStatus(String order, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(order)).isEqualTo(status));
    }

    private static String status(String order) {
        return jdbc.sql("SELECT status FROM customer_order WHERE id = ?").param(order).query(String.class).single();
    }

    private static Instant deadline(String order) {
        return jdbc.sql("SELECT hold_deadline FROM customer_order WHERE id = ?").param(order)
                .query(Timestamp.class).single().toInstant();
    }

    private static List<String> seats(String order) {
        return jdbc.sql("SELECT seat_label FROM order_seat WHERE order_id = ? ORDER BY position").param(order)
                .query(String.class).list();
    }

    /** Records of this order in order-api's dead-letter topic. */
    private static long deadLettersOf(String order) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            if (consumer.listTopics().get(OrderApiConfiguration.DEAD_LETTERS) == null) {
                return 0;
            }
            List<TopicPartition> partitions = consumer.partitionsFor(OrderApiConfiguration.DEAD_LETTERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long found = 0;
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    found += order.equals(record.key()) ? 1 : 0;
                }
            }
            return found;
        }
    }

    private static SeatsHeld held(String order, Instant deadline, String... seats) {
        return SeatsHeld.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setOrderId(order).setScreeningId(1).setHallId(1).setSeats(List.of(seats)).setHoldDeadline(deadline)
                .setFencingToken(1).build();
    }

    private static HoldExtended extended(String order, String... seats) {
        return HoldExtended.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setOrderId(order).setScreeningId(1).setHallId(1).setSeats(List.of(seats))
                .setPreviousDeadline(DEADLINE).setHoldDeadline(EXTENDED).setReason("PAYMENT_PENDING")
                .setFencingToken(2).build();
    }

    private static TicketsIssued tickets(String order, String... seats) {
        return TicketsIssued.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setOrderId(order).setScreeningId(1).setHallId(1).setMovieId(1).setCinemaId(1)
                .setSeats(List.of(seats)).setAmountMinor(6000).setCurrency("CNY").setFencingToken(3).build();
    }

    private static OrderExpired expired(String order) {
        return OrderExpired.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setOrderId(order).build();
    }

    private static OrderPaid paid(String order, String payment, boolean retaken) {
        return OrderPaid.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setOrderId(order).setTradeNo("T-" + payment).setAmountMinor(6000).setCurrency("CNY").setMovieId(1)
                .setCinemaId(1).setScreeningId(1).setGateway("alipay").setRetaken(retaken).setPaymentId(payment)
                .build();
    }

    private static RefundRequested refundRequested(String order, String payment, String reason) {
        return RefundRequested.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setOrderId(order).setAmountMinor(6000).setCurrency("CNY").setReason(reason).setTradeNo("T-" + payment)
                .setGateway("alipay").setPaymentId(payment).build();
    }

    private static RefundCompleted refundCompleted(String order, String payment) {
        return RefundCompleted.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setOrderId(order).setPaymentId(payment).setRefundId(UUID.randomUUID().toString()).setGateway("alipay")
                .setTradeNo("T-" + payment).setAmountMinor(6000).setCurrency("CNY").build();
    }
}
