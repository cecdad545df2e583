package dev.marquee.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

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
    static Holds holds;
    static HallFence fence;
    static TransactionTemplate tx;
    static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        EmbeddedStack stack = EmbeddedStack.shared();
        db = stack.appDataSource(10);
        SeatLedgerSchema.migrate(db);
        Config config = new Config();
        config.useSingleServer().setAddress(stack.redisAddress());
        redisson = Redisson.create(config);
        ledger = new SeatLedger(new JdbcTemplate(db));
        holds = new Holds(new JdbcTemplate(db));
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

    /**
     * A payment in flight keeps its hold live past the deadline until the extension ends: neither a new order's
     * takeover nor another order's late money may write over it, and the mark is set once, from the deadline.
     */
    @Test
    void aHoldWithItsPaymentInFlightIsNotTakenOverUntilItsExtensionEnds() {
        long hall = HALLS.incrementAndGet();
        String paying = "paying-" + hall;
        String newcomer = "newcomer-" + hall;
        Instant deadline = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        hold(hall, paying, deadline, "P1", "P2");
        Instant marked = inTransaction(hall, () -> ledger.markPaymentInFlight(paying, Duration.ofMinutes(5),
                Instant.now())).orElseThrow();
        Instant again = inTransaction(hall, () -> ledger.markPaymentInFlight(paying, Duration.ofMinutes(9),
                Instant.now())).orElseThrow();
        Instant pastDeadline = deadline.plusSeconds(1);

        assertThat(marked).isEqualTo(deadline.plus(Duration.ofMinutes(5))).isEqualTo(again);
        assertThat(ledger.claims(hall, List.of("P1", "P2")).values()).allSatisfy(claim -> {
            assertThat(claim.paymentUntil()).isEqualTo(marked);
            assertThat(claim.isLiveAt(pastDeadline)).isTrue();
            assertThat(claim.isLiveAt(marked)).isFalse();
        });
        assertThat(ledger.allocations(List.of(paying)).get(paying).payableUntil()).isEqualTo(marked);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 4));
            ledger.claim(List.of(), List.of(new Takeover(new SeatClaim(hall, "P1", newcomer, "n",
                    pastDeadline.plusSeconds(900), 4), paying)), pastDeadline);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("0 of 1");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 4));
            ledger.sell(new Sale(hall, "late-money-" + hall, "l", List.of(), List.of(),
                    List.of(new SeatClaim(hall, "P2", paying, "c", deadline, 1))), 4, pastDeadline);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("0 of 1 lapsed holds");
        assertThat(claimsOf(hall)).containsExactly("P1=" + paying, "P2=" + paying);

        tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 5));
            ledger.claim(List.of(), List.of(new Takeover(new SeatClaim(hall, "P1", newcomer, "n",
                    marked.plusSeconds(900), 5), paying)), marked);
        });
        assertThat(claimsOf(hall)).containsExactly("P1=" + newcomer, "P2=" + paying);
    }

    @Test
    void aHoldThatLapsedClosedOrSoldIsNotMarked() {
        long hall = HALLS.incrementAndGet();
        String lapsed = "lapsed-" + hall;
        String sold = "sold-" + hall;
        Instant now = Instant.now();
        hold(hall, lapsed, now.minusSeconds(1), "Q1");
        hold(hall, sold, now.plusSeconds(60), "Q2");
        inTransaction(hall, () -> {
            ledger.sell(new Sale(hall, sold, "c", List.of("Q2"), List.of(), List.of()), 3, now);
            return null;
        });

        assertThat(inTransaction(hall, () -> ledger.markPaymentInFlight(lapsed, Duration.ofMinutes(5), now)))
                .isEmpty();
        assertThat(inTransaction(hall, () -> ledger.markPaymentInFlight(sold, Duration.ofMinutes(5), now)))
                .isEmpty();
        assertThat(inTransaction(hall, () -> ledger.markPaymentInFlight("nobody-" + hall, Duration.ofMinutes(5), now)))
                .isEmpty();
        assertThat(ledger.allocations(List.of(lapsed, sold)).values()).extracting(Allocation::paymentUntil)
                .containsOnlyNulls();
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

    @Test
    void aCancellationReleasesTheLiveHoldOnceAndAnswersTheSameAgain() {
        long hall = HALLS.incrementAndGet();
        Instant now = Instant.now();
        hold(hall, "cancel-me", now.plusSeconds(600), "H2", "H1");
        hold(hall, "neighbour", now.plusSeconds(600), "H3");

        List<String> released = inTransaction(hall, () -> ledger.cancelHold("cancel-me", now));
        List<String> again = inTransaction(hall, () -> ledger.cancelHold("cancel-me", now.plusSeconds(1)));

        assertThat(released).containsExactly("H2", "H1");
        assertThat(again).isEqualTo(released);
        assertThat(claimsOf(hall)).containsExactly("H3=neighbour");
        assertThat(closure("cancel-me")).isEqualTo("CANCELLED:H2,H1");
    }

    @Test
    void aHoldSoldLapsedOrClosedOtherwiseIsNotCancelledAndNothingChanges() {
        long hall = HALLS.incrementAndGet();
        Instant now = Instant.now();
        hold(hall, "sold", now.plusSeconds(600), "I1");
        hold(hall, "lapsed", now.minusSeconds(1), "I2");
        hold(hall, "expired", now.minusSeconds(1), "I3");
        tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 2));
            ledger.sell(new Sale(hall, "sold", "c", List.of("I1"), List.of(), List.of()), 2, now);
        });
        tx.executeWithoutResult(s -> holds.close(List.of(new HoldClosing("expired", ClosedBy.EXPIRED, List.of())),
                now));

        assertThat(refusal(hall, "sold", now)).isEqualTo(HoldNotCancellableException.Reason.SOLD);
        assertThat(refusal(hall, "lapsed", now)).isEqualTo(HoldNotCancellableException.Reason.LAPSED);
        assertThat(refusal(hall, "expired", now)).isEqualTo(HoldNotCancellableException.Reason.EXPIRED);
        assertThat(refusal(hall, "never-held", now)).isEqualTo(HoldNotCancellableException.Reason.NO_HOLD);
        assertThat(claimsOf(hall)).containsExactly("I1=sold", "I2=lapsed", "I3=expired");
        assertThat(closure("sold")).isEqualTo("null:null");
        assertThat(closure("lapsed")).isEqualTo("null:null");
    }

    @Test
    void theExpiryWorkersViewIsTheHallsOpenLapsedHoldsOldestFirst() {
        long hall = HALLS.incrementAndGet();
        long elsewhere = HALLS.incrementAndGet();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        hold(hall, "late-" + hall, now.minusSeconds(1), "J1");
        hold(hall, "oldest-" + hall, now.minusSeconds(9), "J2");
        hold(hall, "closed-" + hall, now.minusSeconds(5), "J3");
        hold(hall, "live-" + hall, now.plusSeconds(60), "J4");
        hold(elsewhere, "other-hall-" + hall, now.minusSeconds(3), "J1");
        tx.executeWithoutResult(s -> holds.close(List.of(new HoldClosing("closed-" + hall, ClosedBy.PAID,
                List.of())), now));

        List<OpenHold> lapsed = tx.execute(s -> holds.lapsedForUpdate(hall, now, 10));
        List<OpenHold> first = tx.execute(s -> holds.lapsedForUpdate(hall, now, 1));

        assertThat(lapsed).extracting(OpenHold::orderId).containsExactly("oldest-" + hall, "late-" + hall);
        assertThat(lapsed.getFirst()).isEqualTo(new OpenHold("oldest-" + hall, hall, hall, List.of("J2"),
                now.minusSeconds(9), null, 1, null));
        assertThat(first).extracting(OpenHold::orderId).containsExactly("oldest-" + hall);
        assertThat(holds.hallsWithLapsedHolds(now, 100_000)).contains(hall, elsewhere);
    }

    @Test
    void aReleaseDeletesOnlyTheOrdersOwnLapsedHolds() {
        long hall = HALLS.incrementAndGet();
        Instant now = Instant.now();
        hold(hall, "gone", now.minusSeconds(1), "K1", "K2", "K3");
        tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 2));
            ledger.claim(List.of(), List.of(new Takeover(new SeatClaim(hall, "K2", "taker", "c", now.plusSeconds(600),
                    2), "gone")), now);
        });
        List<SeatClaim> asRead = List.copyOf(holds.claimsOf(List.of("gone")).get("gone"));
        List<SeatClaim> stale = List.of(new SeatClaim(hall, "K2", "gone", "c", now.minusSeconds(1), 1));

        List<SeatClaim> released = tx.execute(s -> holds.release(
                Stream.concat(asRead.stream(), stale.stream()).toList(), now));

        assertThat(released).extracting(SeatClaim::seatLabel).containsExactlyInAnyOrder("K1", "K3");
        assertThat(claimsOf(hall)).containsExactly("K2=taker");
    }

    @Test
    void aHoldIsExtendedOnceAndClosedOnce() {
        long hall = HALLS.incrementAndGet();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        hold(hall, "paying", now.minusSeconds(1), "L1", "L2");
        OpenHold hold = tx.execute(s -> holds.lapsedForUpdate(hall, now, 10)).getFirst();
        Instant extended = now.plusSeconds(300);

        tx.executeWithoutResult(s -> holds.extend(hold, hold.seats(), extended, 5, now));

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> holds.extend(hold, hold.seats(), extended.plusSeconds(1),
                6, now))).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.claims(hall).values()).extracting(SeatClaim::holdUntil, SeatClaim::fencingToken)
                .containsOnly(tuple(extended, 5L));
        List<OpenHold> beforeNewDeadline = tx.execute(s -> holds.lapsedForUpdate(hall, now.plusSeconds(1), 10));
        List<OpenHold> atNewDeadline = tx.execute(s -> holds.lapsedForUpdate(hall, extended, 10));
        assertThat(beforeNewDeadline).isEmpty();
        assertThat(atNewDeadline).singleElement().satisfies(h -> assertThat(h.extendedAt()).isEqualTo(now));
        HoldClosing closing = new HoldClosing("paying", ClosedBy.EXPIRED, List.of("L1", "L2"));
        List<String> closedFirst = tx.execute(s -> holds.close(List.of(closing), now));
        List<String> closedAgain = tx.execute(s -> holds.close(List.of(closing), now));
        assertThat(closedFirst).containsExactly("paying");
        assertThat(closedAgain).isEmpty();
        assertThat(closure("paying")).isEqualTo("EXPIRED:L1,L2");
    }

    @Test
    void aBusyHallIsPassedByAfterTheShortWait() throws Exception {
        long hall = HALLS.incrementAndGet();
        HallLock lock = new HallLock(redisson, Duration.ofSeconds(10), Duration.ofSeconds(10));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Long> holder = CompletableFuture.supplyAsync(() -> lock.runLocked(hall, token -> {
            held.countDown();
            awaitQuietly(done);
            return token.value();
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        Optional<Long> whileBusy = lock.tryRunLocked(hall, Duration.ofMillis(100), FencingToken::value);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        done.countDown();
        long first = holder.join();

        assertThat(whileBusy).isEmpty();
        assertThat(waited).isLessThan(2_000);
        assertThat(lock.tryRunLocked(hall, Duration.ofMillis(100), FencingToken::value)).hasValueSatisfying(
                token -> assertThat(token).isGreaterThan(first));
        Long nothing = lock.runLocked(hall, token -> null);
        assertThat(nothing).as("work that answers nothing is not a busy hall").isNull();
    }

    private static void hold(long hall, String orderId, Instant until, String... seats) {
        tx.executeWithoutResult(s -> {
            fence.admit(new FencingToken(hall, 1));
            ledger.claim(Arrays.stream(seats).map(seat -> new SeatClaim(hall, seat, orderId, "c", until, 1))
                    .toList(), List.of(), Instant.now());
            ledger.record(List.of(Allocation.held(orderId, hall, hall, List.of(seats), until, 1, Instant.now())));
        });
    }

    private static <T> T inTransaction(long hall, Supplier<T> work) {
        return tx.execute(s -> {
            fence.admit(new FencingToken(hall, 3));
            return work.get();
        });
    }

    private static HoldNotCancellableException.Reason refusal(long hall, String orderId, Instant now) {
        try {
            inTransaction(hall, () -> ledger.cancelHold(orderId, now));
        } catch (HoldNotCancellableException e) {
            return e.reason();
        }
        throw new AssertionError("order " + orderId + " was cancelled");
    }

    /** How the order's hold ended, as {@code closed_by:released}. */
    private static String closure(String orderId) {
        return jdbc.sql("SELECT CONCAT(COALESCE(closed_by, 'null'), ':', COALESCE(released, 'null')) FROM allocation"
                + " WHERE order_id = ?").param(orderId).query(String.class).single();
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
