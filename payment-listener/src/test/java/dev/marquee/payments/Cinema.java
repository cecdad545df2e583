package dev.marquee.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import dev.marquee.ledger.Allocation;
import dev.marquee.ledger.HallFence;
import dev.marquee.ledger.HallLock;
import dev.marquee.ledger.SeatClaim;
import dev.marquee.ledger.SeatLedger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Object Mother for the integration tests: screenings in order-api's catalog, orders, and their seats in the
 * ledger as the allocator would have left them (written under the hall's lock, behind the fence).
 */
final class Cinema {

    private static final AtomicLong IDS = new AtomicLong(1_000);

    private final JdbcClient jdbc;
    private final HallLock lock;
    private final HallFence fence;
    private final SeatLedger ledger;
    private final TransactionTemplate tx;

    Cinema(DataSource db, HallLock lock) {
        this.jdbc = JdbcClient.create(db);
        this.lock = lock;
        this.fence = new HallFence(jdbc);
        this.ledger = new SeatLedger(new JdbcTemplate(db));
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(db));
    }

    record Screening(long id, long hallId, long movieId, long cinemaId) {
    }

    /** The columns of order-api's tables that payment-listener reads, as order-api's migrations declare them. */
    static void createOrderApiTables(DataSource db) {
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("CREATE TABLE IF NOT EXISTS hall (id BIGINT NOT NULL PRIMARY KEY, cinema_id BIGINT NOT NULL)"
                + " ENGINE = InnoDB").update();
        jdbc.sql("CREATE TABLE IF NOT EXISTS screening (id BIGINT NOT NULL PRIMARY KEY, movie_id BIGINT NOT NULL,"
                + " hall_id BIGINT NOT NULL) ENGINE = InnoDB").update();
        jdbc.sql("CREATE TABLE IF NOT EXISTS customer_order (id CHAR(36) NOT NULL PRIMARY KEY,"
                + " customer_id VARCHAR(64) NOT NULL, screening_id BIGINT NOT NULL, hall_id BIGINT NOT NULL,"
                + " amount_minor BIGINT NOT NULL, currency CHAR(3) NOT NULL) ENGINE = InnoDB").update();
    }

    Screening newScreening() {
        Screening s = new Screening(IDS.incrementAndGet(), IDS.incrementAndGet(), 77, 9);
        jdbc.sql("INSERT INTO hall (id, cinema_id) VALUES (?, ?)").params(s.hallId(), s.cinemaId()).update();
        jdbc.sql("INSERT INTO screening (id, movie_id, hall_id) VALUES (?, ?, ?)")
                .params(s.id(), s.movieId(), s.hallId()).update();
        return s;
    }

    /** An order of 90.00 CNY whose seats the allocator held until {@code holdFor} from now (negative: lapsed). */
    String heldOrder(Screening screening, Duration holdFor, String... seats) {
        String orderId = UUID.randomUUID().toString();
        String customer = "customer-" + orderId.substring(0, 8);
        jdbc.sql("INSERT INTO customer_order (id, customer_id, screening_id, hall_id, amount_minor, currency)"
                + " VALUES (?, ?, ?, ?, 9000, 'CNY')").params(orderId, customer, screening.id(), screening.hallId())
                .update();
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
