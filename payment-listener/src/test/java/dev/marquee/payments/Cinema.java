package dev.marquee.payments;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.marquee.ledger.Allocation;
import dev.marquee.ledger.HallFence;
import dev.marquee.ledger.HallLock;
import dev.marquee.ledger.SeatClaim;
import dev.marquee.ledger.SeatLedger;
import dev.marquee.payments.persistence.OrderSnapshots;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Object Mother for the integration tests: screenings, orders as payment-listener learns them (its own
 * {@code known_order}, written directly or through an OrderRequested on Kafka), and their seats in the ledger as
 * the allocator would have left them (written under the hall's lock, behind the fence).
 */
final class Cinema {

    private static final AtomicLong IDS = new AtomicLong(1_000);

    private final JdbcClient jdbc;
    private final HallLock lock;
    private final HallFence fence;
    private final SeatLedger ledger;
    private final TransactionTemplate tx;
    private final Consumer<OrderSnapshot> orderRequests;

    /** Orders become known to payment-listener as its {@code payment-orders} consumer would store them. */
    Cinema(DataSource db, HallLock lock) {
        this(db, lock, order -> new OrderSnapshots(JdbcClient.create(db), new JdbcTemplate(db)).record(List.of(order)));
    }

    /** @param orderRequests how an order's OrderRequested reaches payment-listener (e.g. sent to Kafka) */
    Cinema(DataSource db, HallLock lock, Consumer<OrderSnapshot> orderRequests) {
        this.jdbc = JdbcClient.create(db);
        this.lock = lock;
        this.fence = new HallFence(jdbc);
        this.ledger = new SeatLedger(new JdbcTemplate(db));
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        this.orderRequests = orderRequests;
    }

    record Screening(long id, long hallId, long movieId, long cinemaId, Instant startsAt) {
    }

    /** A screening tomorrow, in a hall of its own. */
    Screening newScreening() {
        return newScreening(Instant.now().plus(Duration.ofDays(1)));
    }

    Screening newScreening(Instant startsAt) {
        return new Screening(IDS.incrementAndGet(), IDS.incrementAndGet(), 77, 9,
                startsAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /** An order of 90.00 CNY whose seats the allocator held until {@code holdFor} from now (negative: lapsed). */
    String heldOrder(Screening screening, Duration holdFor, String... seats) {
        String orderId = UUID.randomUUID().toString();
        String customer = "customer-" + orderId.substring(0, 8);
        orderRequests.accept(new OrderSnapshot(orderId, customer, screening.id(), screening.hallId(),
                screening.movieId(), screening.cinemaId(), 9_000, "CNY", screening.startsAt()));
        Instant until = Instant.now().plus(holdFor);
        lock.runLocked(screening.hallId(), token -> tx.execute(status -> {
            fence.admit(token);
            ledger.claim(Arrays.stream(seats).map(seat -> new SeatClaim(screening.id(), seat, orderId, customer,
                    until, token.value())).toList(), List.of(), Instant.now());
            ledger.record(List.of(Allocation.held(orderId, screening.id(), screening.hallId(), List.of(seats), until,
                    token.value(), Instant.now())));
            return null;
        }));
        return orderId;
    }

    /** The customer cancels, as order-api does: the live hold is released and closed, under the lock and fence. */
    void cancel(Screening screening, String orderId) {
        lock.runLocked(screening.hallId(), token -> tx.execute(status -> {
            fence.admit(token);
            return ledger.cancelHold(orderId, Instant.now());
        }));
    }

    /** The customer says they paid, as order-api records it: the hold stays live until its deadline plus this. */
    Instant claimPayment(Screening screening, String orderId, Duration extension) {
        return lock.runLocked(screening.hallId(), token -> tx.execute(status -> {
            fence.admit(token);
            return ledger.markPaymentInFlight(orderId, extension, Instant.now()).orElseThrow();
        }));
    }

    /** Takes the seats away from whoever holds them (the expiry worker released them, another order took them). */
    void release(Screening screening, String... seats) {
        lock.runLocked(screening.hallId(), token -> tx.execute(status -> {
            fence.admit(token);
            Arrays.stream(seats).forEach(seat -> jdbc.sql("DELETE FROM seat_claim WHERE screening_id = ?"
                    + " AND seat_label = ?").params(screening.id(), seat).update());
            return null;
        }));
    }

    /** Each claimed seat of the screening as {@code label=order:SOLD|HELD|LAPSED}, by label. */
    List<String> seats(Screening screening) {
        Instant now = Instant.now();
        return ledger.claims(screening.id()).values().stream()
                .sorted((a, b) -> a.seatLabel().compareTo(b.seatLabel()))
                .map(c -> c.seatLabel() + "=" + c.orderId() + ":"
                        + (c.isSold() ? "SOLD" : c.isLiveAt(now) ? "HELD" : "LAPSED"))
                .toList();
    }

    List<SeatClaim> claims(Screening screening) {
        return List.copyOf(ledger.claims(screening.id()).values());
    }

    int tradeRows(String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM payment_trade WHERE order_id = ?").param(orderId)
                .query(Integer.class).single();
    }
}
