package dev.marquee.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.events.HoldExtended;
import dev.marquee.events.OrderExpired;
import dev.marquee.events.SeatsReleased;
import dev.marquee.expiry.Cinema.Closure;
import dev.marquee.expiry.Cinema.Hall;
import dev.marquee.schemas.Topics;
import dev.marquee.stack.EmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service as deployed, on the embedded stack: holds written as the allocator leaves them, events read back
 * from {@code seat-events} and {@code order-events}.
 */
class ExpiryWorkerIT {

    static final Duration SWEEP = Duration.ofMillis(200);
    static final Duration EXTENSION = Duration.ofSeconds(2);

    static EmbeddedStack stack;
    static HikariDataSource db;
    static ConfigurableApplicationContext worker;
    static Cinema cinema;
    static TopicLog topics;

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.shared();
        db = stack.appDataSource(10);
        worker = Workers.start(stack, Map.of("marquee.expiry.sweep-interval", SWEEP.toMillis() + "ms",
                "marquee.expiry.payment-extension", EXTENSION.toMillis() + "ms"));
        cinema = new Cinema(db);
        topics = new TopicLog(stack);
    }

    @AfterAll
    static void stop() {
        worker.close();
        db.close();
    }

    /**
     * The sweep runs on the worker's own scheduler thread, not on the token-revocation thread (which it shared while
     * that thread's executor was the context's only ScheduledExecutorService bean).
     */
    @Test
    void sweepsRunOnTheWorkersOwnSchedulerThread() {
        Hall backlog = cinema.newHall();
        cinema.heldOrders(backlog, Instant.now().minusSeconds(1), 1_000); // sweeps with work to do
        Set<String> sweepers = new HashSet<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> {
            Thread.getAllStackTraces().forEach((thread, frames) -> {
                if (Arrays.stream(frames).anyMatch(f -> f.getClassName().equals(ExpirySweep.class.getName()))) {
                    sweepers.add(thread.getName());
                }
            });
            return !sweepers.isEmpty();
        });
        assertThat(sweepers).allMatch(name -> name.startsWith("expiry-worker-scheduling-"), "the worker's scheduler");
        // the backlog is worked off before the next test, whose deadlines must not wait behind it
        await().atMost(Duration.ofSeconds(60)).until(() -> cinema.closedHolds(List.of(backlog)) == 1_000);
    }

    @Test
    void anUnpaidHoldIsReleasedWithinASweepAndASecondOfItsDeadlineAndToldOnce() throws Exception {
        Hall hall = cinema.newHall();
        Instant deadline = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        String order = cinema.heldOrder(hall, deadline, "A1", "A2");
        String neighbour = cinema.heldOrder(hall, deadline.plusSeconds(600), "A3");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> cinema.isClosed(order));
        Instant observed = Instant.now();

        Closure closure = cinema.closure(order);
        assertThat(Duration.between(deadline, closure.closedAt())).isBetween(Duration.ZERO, SWEEP.plusSeconds(1));
        assertThat(Duration.between(deadline, observed)).isLessThan(SWEEP.plusSeconds(1));
        assertThat(closure.closedBy()).isEqualTo("EXPIRED");
        assertThat(closure.released()).isEqualTo("A1,A2");
        assertThat(cinema.seats(hall)).containsExactly("A3=" + neighbour + ":HELD");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !topics.events(Topics.ORDER_EVENTS, order, OrderExpired.class).isEmpty());
        // three more sweeps release nothing twice
        await().pollInterval(Duration.ofMillis(500)).during(SWEEP.multipliedBy(3))
                .atMost(SWEEP.multipliedBy(3).plusSeconds(30))
                .until(() -> topics.events(Topics.ORDER_EVENTS, order, OrderExpired.class).size() == 1);
        assertThat(topics.events(Topics.ORDER_EVENTS, order, OrderExpired.class)).singleElement()
                .satisfies(e -> assertThat(e.getOrderId()).isEqualTo(order));
        assertThat(topics.events(Topics.SEAT_EVENTS, order, SeatsReleased.class)).singleElement().satisfies(e -> {
            assertThat(e.getSeats()).containsExactly("A1", "A2");
            assertThat(e.getCause()).isEqualTo("EXPIRED");
            assertThat(e.getHallId()).isEqualTo(hall.id());
            assertThat(e.getScreeningId()).isEqualTo(hall.screeningId());
            assertThat(e.getFencingToken()).isPositive();
        });
        assertThat(topics.events(Topics.ORDER_EVENTS, neighbour, OrderExpired.class)).isEmpty();
    }

    @Test
    void aHoldWhosePaymentIsInFlightIsExtendedOnceThenReleased() {
        Hall hall = cinema.newHall();
        Instant deadline = Instant.now().plusMillis(500).truncatedTo(ChronoUnit.MILLIS);
        String order = cinema.heldOrder(hall, deadline, "B1", "B2");
        cinema.paymentInFlight(order, deadline.plus(EXTENSION));

        await().atMost(Duration.ofSeconds(10)).until(() -> cinema.closure(order).extendedAt() != null);
        Closure extended = cinema.closure(order);
        await().atMost(EXTENSION.plusSeconds(10)).until(() -> cinema.isClosed(order));

        assertThat(extended.closedAt()).isNull();
        assertThat(extended.holdUntil()).isEqualTo(deadline.plus(EXTENSION));
        Closure released = cinema.closure(order);
        assertThat(released.closedBy()).isEqualTo("EXPIRED");
        assertThat(released.released()).isEqualTo("B1,B2");
        assertThat(released.closedAt()).isAfterOrEqualTo(extended.holdUntil());
        assertThat(cinema.seats(hall)).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !topics.events(Topics.ORDER_EVENTS, order, OrderExpired.class).isEmpty());
        assertThat(topics.events(Topics.SEAT_EVENTS, order, HoldExtended.class)).singleElement().satisfies(e -> {
            assertThat(e.getPreviousDeadline()).isEqualTo(deadline);
            assertThat(e.getHoldDeadline()).isEqualTo(extended.holdUntil());
            assertThat(e.getReason()).isEqualTo("PAYMENT_PENDING");
            assertThat(e.getSeats()).containsExactly("B1", "B2");
        });
        assertThat(topics.events(Topics.SEAT_EVENTS, order, SeatsReleased.class)).hasSize(1);
        assertThat(topics.events(Topics.ORDER_EVENTS, order, OrderExpired.class)).hasSize(1);
    }

    @Test
    void aSoldOrdersHoldIsClosedAsPaidWithoutEvents() throws Exception {
        Hall hall = cinema.newHall();
        String order = cinema.soldOrder(hall, Instant.now().minusSeconds(1), "C1", "C2");

        await().atMost(Duration.ofSeconds(10)).until(() -> cinema.isClosed(order));
        // three more sweeps write no event for it
        await().pollInterval(Duration.ofMillis(500)).during(SWEEP.multipliedBy(3))
                .atMost(SWEEP.multipliedBy(3).plusSeconds(30))
                .until(() -> cinema.outboxRows(order) == 0 && topics.anyEvents(order).isEmpty());

        assertThat(cinema.closure(order).closedBy()).isEqualTo("PAID");
        assertThat(cinema.seats(hall)).containsExactly("C1=" + order + ":SOLD", "C2=" + order + ":SOLD");
        assertThat(cinema.outboxRows(order)).isZero();
        assertThat(topics.anyEvents(order)).isEmpty();
    }

    @Test
    void aHoldTakenOverInPartReleasesOnlyWhatIsStillItsOwn() {
        Hall hall = cinema.newHall();
        Instant deadline = Instant.now().plusMillis(700);
        String original = cinema.heldOrder(hall, deadline, "D1", "D2", "D3");
        String bereft = cinema.heldOrder(hall, deadline, "E1");
        String taker = UUID.randomUUID().toString();
        cinema.takeOver(hall, "D1", taker, deadline.plusSeconds(600));
        cinema.takeOver(hall, "E1", taker, deadline.plusSeconds(600));

        await().atMost(Duration.ofSeconds(10)).until(() -> cinema.isClosed(original) && cinema.isClosed(bereft));

        assertThat(cinema.closure(original).released()).isEqualTo("D2,D3");
        assertThat(cinema.closure(bereft).released()).isEmpty();
        assertThat(cinema.seats(hall)).containsExactly("D1=" + taker + ":HELD", "E1=" + taker + ":HELD");
        await().atMost(Duration.ofSeconds(10)).until(() -> topics.events(Topics.ORDER_EVENTS,
                Set.of(original, bereft), OrderExpired.class).size() == 2);
        assertThat(topics.events(Topics.SEAT_EVENTS, original, SeatsReleased.class)).singleElement()
                .satisfies(e -> assertThat(e.getSeats()).containsExactly("D2", "D3"));
        assertThat(topics.events(Topics.SEAT_EVENTS, bereft, SeatsReleased.class)).isEmpty();
        assertThat(topics.anyEvents(taker)).isEmpty();
    }

    /** A worker that crashed between commit and Kafka's ack left its events unpublished: a later sweep sends them. */
    @Test
    void eventsLeftUnpublishedAreSentByALaterSweep() {
        String order = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        JdbcClient.create(db).sql("INSERT INTO expiry_event (event_id, type, order_id, screening_id, hall_id, seats,"
                + " fencing_token, occurred_at) VALUES (?, 'OrderExpired', ?, 0, 0, '', 0, ?)")
                .params(eventId, order, Timestamp.from(Instant.now().minusSeconds(30))).update();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !topics.events(Topics.ORDER_EVENTS, order, OrderExpired.class).isEmpty());

        assertThat(topics.events(Topics.ORDER_EVENTS, order, OrderExpired.class)).singleElement()
                .satisfies(e -> assertThat(e.getEventId()).isEqualTo(eventId));
        await().atMost(Duration.ofSeconds(20)).until(() -> JdbcClient.create(db)
                .sql("SELECT published_at IS NOT NULL FROM expiry_event WHERE event_id = ?").param(eventId)
                .query(Boolean.class).single());
    }

    /**
     * An outbox row that cannot be sent however often it is tried (a HoldExtended without its deadlines, as a
     * faulty writer could leave it: the Avro record refuses it) is set aside with its cause, and the worker goes
     * on: a hold that lapses afterwards is released and told. Before, the row was retried first in every sweep and
     * nothing else was ever published or released again.
     */
    @Test
    void anEventThatCannotBeSentIsSetAsideAndExpiryGoesOn() {
        String poison = UUID.randomUUID().toString();
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("INSERT INTO expiry_event (event_id, type, order_id, screening_id, hall_id, seats, fencing_token,"
                + " previous_deadline, hold_deadline, occurred_at) VALUES (?, 'HoldExtended', ?, 1, 1, 'A1', 1, NULL,"
                + " NULL, ?)").params(poison, "faulty-" + poison, Timestamp.from(Instant.now().minusSeconds(3_600)))
                .update();
        Hall hall = cinema.newHall();
        String order = cinema.heldOrder(hall, Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS),
                "B1");

        await().atMost(Duration.ofSeconds(10)).until(() -> cinema.isClosed(order));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !topics.events(Topics.ORDER_EVENTS, order, OrderExpired.class).isEmpty());
        assertThat(jdbc.sql("SELECT failure FROM expiry_event WHERE event_id = ? AND published_at IS NULL"
                + " AND failed_at IS NOT NULL").param(poison).query(String.class).single()).contains("does not accept null values");
        assertThat(worker.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("marquee.expiry.outbox.set.aside").counter().count()).isGreaterThanOrEqualTo(1);
    }
}
