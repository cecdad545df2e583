package dev.marquee.orderapi.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.stack.EmbeddedStack;
import dev.marquee.support.ids.TimeOrderedIds;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Payments in their table: verdicts survive a write and a read; a verdict from a stale read is refused. */
class PaymentsIT {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aPaymentReadsBackAsWrittenAndAStaleVerdictIsRefused() {
        EmbeddedStack stack = EmbeddedStack.shared();
        Flyway.configure().dataSource(stack.jdbcUrl(), stack.credentials().appUser(), stack.credentials().appPassword())
                .locations("classpath:db/order-api").table("flyway_history_order_api").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        try (HikariDataSource db = stack.appDataSource(2)) {
            JdbcClient jdbc = JdbcClient.create(db);
            Payments payments = new Payments(jdbc);
            String order = order(jdbc);
            Payment first = payments.save(new Payment(TimeOrderedIds.nextText(), order, "alipay", 6000, "CNY", NOW));
            Payment second = payments.save(new Payment(TimeOrderedIds.nextText(), order, "stripe", 6000, "CNY",
                    NOW.plusSeconds(1)));
            assertThat(payments.ofOrder(order)).extracting(Payment::id).containsExactly(first.id(), second.id());

            Payment byListener = payments.findById(first.id()).orElseThrow();
            Payment byCustomer = payments.findById(first.id()).orElseThrow();
            byListener.paid("T1", true, NOW.plusSeconds(2));
            payments.save(byListener);
            assertThat(payments.findById(first.id()).orElseThrow().row()).isEqualTo(byListener.row());

            byCustomer.claimed(NOW.plusSeconds(3));
            assertThatThrownBy(() -> payments.save(byCustomer)).isInstanceOf(OptimisticLockingFailureException.class);
            Payment stored = payments.findById(first.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(PaymentStatus.PAID);
            assertThat(stored.tradeNo()).isEqualTo("T1");
            assertThat(stored.retaken()).isTrue();
        }
    }

    private static String order(JdbcClient jdbc) {
        String id = TimeOrderedIds.nextText();
        jdbc.sql("INSERT INTO customer_order (id, customer_id, screening_id, hall_id, seat_count, status,"
                        + " amount_minor, currency, created_at, updated_at, version)"
                        + " VALUES (?, 'erin', 7, 3, 1, 'HELD', 6000, 'CNY', ?, ?, 0)")
                .params(id, Timestamp.from(NOW), Timestamp.from(NOW)).update();
        return id;
    }
}
