package dev.marquee.orderapi.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.stack.EmbeddedStack;
import dev.marquee.support.ids.TimeOrderedIds;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders in their tables: every fact survives a write and a read, seats keep their order, claims come and go, an
 * unchanged order is not written, and a change made from a stale read is refused as an optimistic-lock conflict.
 */
class OrdersIT {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    static HikariDataSource db;
    static JdbcClient jdbc;
    static Orders orders;

    @BeforeAll
    static void migrate() {
        EmbeddedStack stack = EmbeddedStack.shared();
        Flyway.configure().dataSource(stack.jdbcUrl(), stack.credentials().appUser(), stack.credentials().appPassword())
                .locations("classpath:db/order-api").table("flyway_history_order_api").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        db = stack.appDataSource(2);
        jdbc = JdbcClient.create(db);
        orders = new Orders(jdbc);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anOrderReadsBackAsItWasWrittenThroughEveryChange() {
        Order order = Order.requestAny(TimeOrderedIds.nextText(), "alice", 7, 3, 3, 18000, "CNY", NOW);
        orders.save(order);
        assertThat(read(order).row()).isEqualTo(order.row());

        order.hold(List.of("C5", "C3", "C4"), NOW.plusSeconds(900), NOW.plusSeconds(1));
        order.claimPayment(Set.of("p-1", "p-2"), NOW.plusSeconds(2));
        orders.save(order);
        Order held = read(order);
        assertThat(held.row()).isEqualTo(order.row());
        assertThat(held.seats()).as("in the order given").containsExactly("C5", "C3", "C4");
        assertThat(held.status()).isEqualTo(OrderStatus.PAYMENT_PENDING);

        held.paymentFailed("p-1", NOW.plusSeconds(3));
        held.refundRequested("p-2", "SEATS_GONE", NOW.plusSeconds(4));
        orders.save(held);
        Order refunding = read(order);
        assertThat(refunding.row()).isEqualTo(held.row());
        assertThat(refunding.row().claimedPayments()).containsExactly("p-2");
        assertThat(refunding.status()).isEqualTo(OrderStatus.REFUND_PENDING);
        assertThat(refunding.refundReason()).isEqualTo("SEATS_GONE");
        assertThat(version(order)).isEqualTo(2);
    }

    @Test
    void anUnchangedOrderIsNotWritten() {
        Order order = Order.request(TimeOrderedIds.nextText(), "bob", 7, 3, List.of("A1", "A2"), 12000, "CNY", NOW);
        orders.save(order);
        Order again = read(order);
        again.reject("SEATS_TAKEN", "A1", NOW.plusSeconds(1));
        orders.save(again);
        again.reject("SEATS_TAKEN", "A2 too", NOW.plusSeconds(2));
        orders.save(again);

        assertThat(version(order)).isEqualTo(1);
        assertThat(read(order).rejectDetail()).isEqualTo("A1");
    }

    @Test
    void aChangeMadeFromAStaleReadIsRefusedAndTheOtherWriterKeepsItsFact() {
        Order order = Order.request(TimeOrderedIds.nextText(), "carol", 7, 3, List.of("B1"), 6000, "CNY", NOW);
        order.hold(List.of("B1"), NOW.plusSeconds(900), NOW);
        orders.save(order);
        Order byExpiry = read(order);
        Order byPayment = read(order);

        byExpiry.expire(NOW.plusSeconds(901));
        orders.save(byExpiry);
        byPayment.paid(NOW.plusSeconds(902));

        assertThatThrownBy(() -> orders.save(byPayment)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(read(order).status()).isEqualTo(OrderStatus.EXPIRED);

        Order retried = read(order);
        retried.paid(NOW.plusSeconds(903));
        orders.save(retried);
        assertThat(read(order).status()).as("the retry, from a fresh read, applies").isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aCustomersNewestOrdersComeFirst() {
        String customer = "dave-" + TimeOrderedIds.nextText();
        for (int i = 0; i < 3; i++) {
            orders.save(Order.request(TimeOrderedIds.nextText(), customer, 7, 3, List.of("D" + i), 6000, "CNY",
                    NOW.plusSeconds(i)));
        }

        assertThat(orders.newestOf(customer, 2)).extracting(o -> o.seats().getFirst()).containsExactly("D2", "D1");
    }

    private static Order read(Order order) {
        return orders.findById(order.id()).orElseThrow();
    }

    private static long version(Order order) {
        return jdbc.sql("SELECT version FROM customer_order WHERE id = ?").param(order.id()).query(Long.class).single();
    }
}
