package dev.marquee.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.events.OrderExpired;
import dev.marquee.events.SeatsReleased;
import dev.marquee.expiry.Cinema.Hall;
import dev.marquee.schemas.Topics;
import dev.marquee.stack.EmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/** Two instances side by side share the halls, and every hold is released by exactly one of them, once. */
class TwoWorkersIT {

    private static final Logger log = LoggerFactory.getLogger(TwoWorkersIT.class);
    static final int HALLS = 20;
    static final int HOLDS_PER_HALL = 500;
    static final Map<String, String> SETTINGS = Map.of("marquee.expiry.sweep-interval", "200ms",
            "marquee.expiry.batch-size", "250");

    static EmbeddedStack stack;
    static HikariDataSource db;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static Cinema cinema;

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.shared();
        db = stack.appDataSource(10);
        first = Workers.start(stack, SETTINGS);
        second = Workers.start(stack, SETTINGS);
        cinema = new Cinema(db);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        db.close();
    }

    @Test
    void twoWorkersReleaseTenThousandLapsedHoldsEachExactlyOnce() {
        List<Hall> halls = IntStream.range(0, HALLS).mapToObj(i -> cinema.newHall()).toList();
        Instant deadline = Instant.now().plusSeconds(2);
        Set<String> orders = new HashSet<>();
        halls.forEach(hall -> orders.addAll(cinema.heldOrders(hall, deadline, HOLDS_PER_HALL)));
        int holds = HALLS * HOLDS_PER_HALL;
        long begin = System.nanoTime();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> cinema.closedHolds(halls) == holds);
        log.info("{} holds released {} ms after the deadline", holds,
                Duration.between(deadline, Instant.now()).toMillis());
        TopicLog topics = new TopicLog(stack);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> topics.events(Topics.ORDER_EVENTS, orders, OrderExpired.class).size() >= holds);

        List<OrderExpired> expired = topics.events(Topics.ORDER_EVENTS, orders, OrderExpired.class);
        List<SeatsReleased> released = topics.events(Topics.SEAT_EVENTS, orders, SeatsReleased.class);
        assertThat(expired).hasSize(holds);
        assertThat(expired.stream().map(OrderExpired::getEventId).distinct()).hasSize(holds);
        assertThat(expired.stream().map(OrderExpired::getOrderId).distinct()).hasSize(holds);
        assertThat(released).hasSize(holds);
        assertThat(released.stream().map(SeatsReleased::getEventId).distinct()).hasSize(holds);
        assertThat(cinema.claims(halls)).isZero();
        double byFirst = Workers.expiredBy(first);
        double bySecond = Workers.expiredBy(second);
        log.info("first instance released {}, second {}, in {} ms", byFirst, bySecond,
                Duration.ofNanos(System.nanoTime() - begin).toMillis());
        assertThat(byFirst).isPositive();
        assertThat(bySecond).isPositive();
        assertThat(byFirst + bySecond).isEqualTo(holds);
    }
}
