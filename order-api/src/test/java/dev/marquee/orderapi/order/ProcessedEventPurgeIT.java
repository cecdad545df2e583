package dev.marquee.orderapi.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.stack.EmbeddedStack;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** processed_event keeps an event's id for its redelivery window, then lets it go, a batch at a time. */
class ProcessedEventPurgeIT {

    @Test
    void idsOlderThanTheRetentionArePurgedInBatchesAndRecentOnesKept() {
        EmbeddedStack stack = EmbeddedStack.shared();
        Flyway.configure().dataSource(stack.jdbcUrl(), stack.credentials().appUser(), stack.credentials().appPassword())
                .locations("classpath:db/order-api").table("flyway_history_order_api").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (HikariDataSource db = stack.appDataSource(2)) {
            JdbcClient jdbc = JdbcClient.create(db);
            List<String> old = record(jdbc, 7, now.minus(Duration.ofDays(7)).minusSeconds(1));
            List<String> recent = record(jdbc, 3, now.minus(Duration.ofDays(7)).plusSeconds(60));

            long purged = new ProcessedEventPurge(jdbc, Clock.fixed(now, ZoneOffset.UTC),
                    new ProcessedEventProperties(Duration.ofDays(7), Duration.ofMinutes(10), 3)).purge();

            assertThat(purged).isGreaterThanOrEqualTo(old.size());
            assertThat(present(jdbc, old)).isEmpty();
            assertThat(present(jdbc, recent)).containsExactlyInAnyOrderElementsOf(recent);
        }
    }

    private static List<String> record(JdbcClient jdbc, int count, Instant at) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            jdbc.sql("INSERT INTO processed_event (event_id, processed_at) VALUES (?, ?)")
                    .param(id).param(Timestamp.from(at)).update();
            ids.add(id);
        }
        return ids;
    }

    private static List<String> present(JdbcClient jdbc, List<String> ids) {
        return jdbc.sql("SELECT event_id FROM processed_event WHERE event_id IN (:ids)").param("ids", ids)
                .query(String.class).list();
    }
}
