package dev.marquee.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.stack.EmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger's last words on seats, against real MariaDB and Redis: the unique key and the fence. */
class SeatLedgerIT {

    static final AtomicLong HALLS = new AtomicLong(100);
    static HikariDataSource db;
    static RedissonClient redisson;
    static SeatLedger ledger;
    static HallFence fence;
    static TransactionTemplate tx;
    static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        EmbeddedStack stack = EmbeddedStack.shared();
        db = new HikariDataSource();
        db.setJdbcUrl(stack.jdbcUrl());
        db.setUsername(stack.credentials().appUser());
        db.setPassword(stack.credentials().appPassword());
        SeatLedgerSchema.migrate(db);
        Config config = new Config();
        config.useSingleServer().setAddress(stack.redisAddress());
        redisson = Redisson.create(config);
        ledger = new SeatLedger(new JdbcTemplate(db));
        fence = new HallFence(JdbcClient.create(db));
        tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        jdbc = JdbcClient.create(db);
    }

    @AfterAll
    static void stop() {
        redisson.shutdown();
        db.close();
    }

    /**
     * A holder pauses (GC, network) past its lease; another takes the lock and writes; the first resumes and tries
     * to write with its old token: the fence refuses it and nothing of it lands.
     */
    @Test
    void aWriterWhoseLeaseLapsedCannotWrite() throws Exception {
        long hall = HALLS.incrementAndGet();
        HallLock lock = new HallLock(redisson, Duration.ofSeconds(10), Duration.ofMillis(300));
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        CountDownLatch secondWrote = new CountDownLatch(1);

        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> lock.runLocked(hall, token -> {
            firstHoldsLock.countDown();
            awaitQuietly(secondWrote);
            write(token, hall, "A1", "first-order");
            return token.value();
        }));
        assertThat(firstHoldsLock.await(10, TimeUnit.SECONDS)).isTrue();
        long second = lock.runLocked(hall, token -> {
            write(token, hall, "A2", "second-order");
            return token.value();
        });
        secondWrote.countDown();

        assertThatThrownBy(first::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(FencedOutException.class);
        assertThat(claimsOf(hall)).containsExactly("A2=second-order");
        assertThat(jdbc.sql("SELECT token FROM hall_fence WHERE hall_id = ?").param(hall).query(Long.class).single())
                .isEqualTo(second);
    }

    @Test
    void laterTokensKeepWritingAndAnOlderOneIsRefusedEvenWithoutALock() {
        long hall = HALLS.incrementAndGet();
        write(new FencingToken(hall, 5), hall, "B1", "o-5");
        write(new FencingToken(hall, 5), hall, "B2", "o-5b");
        write(new FencingToken(hall, 9), hall, "B3", "o-9");

        assertThatThrownBy(() -> write(new FencingToken(hall, 8), hall, "B4", "o-8"))
                .isInstanceOf(FencedOutException.class).hasMessageContaining("older than 9");
        assertThat(claimsOf(hall)).containsExactly("B1=o-5", "B2=o-5b", "B3=o-9");
    }

    @Test
    void theUniqueKeyRefusesASecondClaimOnASeatWhateverTheLocksDid() {
        long hall = HALLS.incrementAndGet();
        write(new FencingToken(hall, 1), hall, "C1", "owner");

        assertThatThrownBy(() -> write(new FencingToken(hall, 2), hall, "C1", "intruder"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(claimsOf(hall)).containsExactly("C1=owner");
    }

    @Test
    void onlyALapsedHoldIsTakenOverAndAFailedTakeOverWritesNothing() {
        long hall = HALLS.incrementAndGet();
        Instant now = Instant.now();
        tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 1));
            ledger.claim(List.of(new SeatClaim(hall, "D1", "lapsed", "c", now.minusSeconds(1), 1),
                    new SeatClaim(hall, "D2", "live", "c", now.plusSeconds(600), 1)), List.of(), now);
        });

        tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 2));
            ledger.claim(List.of(), List.of(new Takeover(new SeatClaim(hall, "D1", "new", "c", now.plusSeconds(900), 2),
                    "lapsed")), now);
        });
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 3));
            ledger.claim(List.of(new SeatClaim(hall, "D3", "thief", "c", now.plusSeconds(900), 3)),
                    List.of(new Takeover(new SeatClaim(hall, "D2", "thief", "c", now.plusSeconds(900), 3), "live")), now);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("0 of 1");

        assertThat(claimsOf(hall)).containsExactly("D1=new", "D2=live");
    }

    @Test
    void aSaleTurnsHoldsIntoTicketsAndTakesFreeAndLapsedSeats() {
        long hall = HALLS.incrementAndGet();
        Instant now = Instant.now();
        tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 1));
            ledger.claim(List.of(new SeatClaim(hall, "E1", "buyer", "c", now.plusSeconds(600), 1),
                    new SeatClaim(hall, "E2", "buyer", "c", now.minusSeconds(1), 1),
                    new SeatClaim(hall, "E4", "gone", "g", now.minusSeconds(1), 1)), List.of(), now);
        });
        Sale sale = new Sale(hall, "buyer", "c", List.of("E1", "E2"), List.of("E3"),
                List.of(new SeatClaim(hall, "E4", "gone", "g", now.minusSeconds(1), 1)));

        tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 2));
            ledger.sell(sale, 2, now);
        });

        assertThat(ledger.claims(hall, List.of("E1", "E2", "E3", "E4", "E5")).values())
                .extracting(SeatClaim::seatLabel, SeatClaim::orderId, SeatClaim::isSold, SeatClaim::fencingToken)
                .containsExactlyInAnyOrder(tuple("E1", "buyer", true, 2L), tuple("E2", "buyer", true, 2L),
                        tuple("E3", "buyer", true, 2L), tuple("E4", "buyer", true, 2L));
    }

    /** A writer whose lock lapsed cannot sell: the fence refuses its token before any seat is touched. */
    @Test
    void aSaleWithAnOlderTokenIsRefused() {
        long hall = HALLS.incrementAndGet();
        Instant now = Instant.now();
        write(new FencingToken(hall, 7), hall, "F1", "buyer");

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 6));
            ledger.sell(new Sale(hall, "buyer", "c", List.of("F1"), List.of("F2"), List.of()), 6, now);
        })).isInstanceOf(FencedOutException.class).hasMessageContaining("older than 7");

        assertThat(ledger.claims(hall, List.of("F1", "F2")).values())
                .extracting(SeatClaim::seatLabel, SeatClaim::isSold, SeatClaim::fencingToken)
                .containsExactly(tuple("F1", false, 7L));
    }

    /** All or nothing: one seat that changed since it was read undoes the whole sale. */
    @Test
    void aSaleWhoseSeatChangedWritesNothing() {
        long hall = HALLS.incrementAndGet();
        Instant now = Instant.now();
        tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 1));
            ledger.claim(List.of(new SeatClaim(hall, "G1", "buyer", "c", now.plusSeconds(600), 1),
                    new SeatClaim(hall, "G2", "other", "o", now.plusSeconds(600), 1)), List.of(), now);
        });

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 2));
            ledger.sell(new Sale(hall, "buyer", "c", List.of("G1"), List.of(),
                    List.of(new SeatClaim(hall, "G2", "other", "o", now.minusSeconds(1), 1))), 2, now);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("0 of 1 lapsed holds");

        assertThat(ledger.claims(hall, List.of("G1", "G2")).values())
                .extracting(SeatClaim::seatLabel, SeatClaim::orderId, SeatClaim::isSold)
                .containsExactlyInAnyOrder(tuple("G1", "buyer", false), tuple("G2", "other", false));
    }

    private static void write(FencingToken token, long hall, String seat, String orderId) {
        tx.executeWithoutResult(status -> {
            fence.admit(token);
            ledger.claim(List.of(new SeatClaim(hall, seat, orderId, "c", Instant.now().plusSeconds(900), token.value())),
                    List.of(), Instant.now());
        });
    }

    /** Claims are keyed by screening; these tests use the hall id as the screening id. */
    private static List<String> claimsOf(long screening) {
        return jdbc.sql("SELECT CONCAT(seat_label, '=', order_id) FROM seat_claim WHERE screening_id = ?"
                + " ORDER BY seat_label").param(screening).query(String.class).list();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the second writer never wrote");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
