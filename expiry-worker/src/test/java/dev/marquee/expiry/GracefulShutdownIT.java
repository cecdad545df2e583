package dev.marquee.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.expiry.Cinema.Hall;
import dev.marquee.stack.EmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A worker told to stop in the middle of a backlog finishes the batch it is in, publishes it, and stops. */
class GracefulShutdownIT {

    static final int BATCH = 100;

    static EmbeddedStack stack;
    static HikariDataSource db;
    static Cinema cinema;

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.shared();
        db = stack.appDataSource(10);
        cinema = new Cinema(db);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void stoppingFinishesTheBatchInHandAndPublishesIt() {
        ConfigurableApplicationContext worker = Workers.start(stack, Map.of("marquee.expiry.sweep-interval", "200ms",
                "marquee.expiry.batch-size", Integer.toString(BATCH)));
        Hall hall = cinema.newHall();
        cinema.heldOrders(hall, Instant.now().minusSeconds(1), 50 * BATCH);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> cinema.closedHolds(List.of(hall)) > 0);
        worker.close();

        int closed = cinema.closedHolds(List.of(hall));
        assertThat(closed % BATCH).as("only whole batches, %d holds closed", closed).isZero();
        assertThat(closed).isLessThan(50 * BATCH);
        assertThat(JdbcClient.create(db).sql("SELECT COUNT(*) FROM expiry_event WHERE hall_id = ?"
                + " AND published_at IS NULL").param(hall.id()).query(Integer.class).single()).isZero();
        assertThat(JdbcClient.create(db).sql("SELECT COUNT(*) FROM expiry_event WHERE hall_id = ?"
                + " AND type = 'SeatsReleased'").param(hall.id()).query(Integer.class).single()).isEqualTo(closed);
    }
}
