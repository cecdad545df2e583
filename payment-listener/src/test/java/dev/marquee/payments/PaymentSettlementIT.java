package dev.marquee.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.ledger.FencedOutException;
import dev.marquee.ledger.HallFence;
import dev.marquee.ledger.HallLock;
import dev.marquee.ledger.SeatClaim;
import dev.marquee.ledger.SeatLedger;
import dev.marquee.ledger.SeatLedgerSchema;
import dev.marquee.ledger.Takeover;
import dev.marquee.payments.Cinema.Screening;
import dev.marquee.payments.persistence.OrderSnapshots;
import dev.marquee.payments.persistence.PaymentListenerSchema;
import dev.marquee.payments.persistence.CancelledScreeningsTable;
import dev.marquee.payments.persistence.PaymentTrades;
import dev.marquee.stack.EmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** Settling payments against real MariaDB and Redis: seats sold once, under the hall lock, behind the fence. */
class PaymentSettlementIT {

    static HikariDataSource db;
    static RedissonClient redisson;
    static HallLock lock;
    static Cinema cinema;
    static PaymentSettlement settlement;

    @BeforeAll
    static void start() {
        EmbeddedStack stack = EmbeddedStack.shared();
        db = stack.appDataSource(12);
        SeatLedgerSchema.migrate(db);
        PaymentListenerSchema.migrate(db);
        Config config = new Config();
        config.useSingleServer().setAddress(stack.redisAddress());
        redisson = Redisson.create(config);
        lock = new HallLock(redisson, Duration.ofSeconds(20), Duration.ofSeconds(10));
        cinema = new Cinema(db, lock);
        settlement = settlement(lock, new TransactionTemplate(new DataSourceTransactionManager(db)));
    }

    @AfterAll
    static void stop() {
        redisson.shutdown();
        db.close();
    }

    @Test
    void aPaymentSellsTheHeldSeatsAndRecordsTheTrade() {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "A1", "A2");

        Trade trade = settle(success(order, "T-" + order)).trade();

        assertThat(cinema.seats(screening)).containsExactly("A1=" + order + ":SOLD", "A2=" + order + ":SOLD");
        assertThat(trade.outcome()).isEqualTo(TradeOutcome.PAID);
        assertThat(trade.retaken()).isFalse();
        assertThat(trade.seats()).containsExactly("A1", "A2");
        assertThat(cinema.claims(screening)).extracting(SeatClaim::fencingToken).containsOnly(trade.fencingToken());
        assertThat(cinema.tradeRows(order)).isEqualTo(1);
    }

    @Test
    void theSameCallbackSettledFiveTimesIsOneTradeWithOneAnswer() {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "B1");
        PaymentCallback callback = success(order, "T-" + order);

        List<Settled> answers = IntStream.range(0, 5).mapToObj(i -> settle(callback)).toList();

        assertThat(answers).containsOnly(answers.getFirst());
        assertThat(cinema.tradeRows(order)).isEqualTo(1);
        assertThat(cinema.seats(screening)).containsExactly("B1=" + order + ":SOLD");
    }

    /**
     * One poll, settled hall by hall under one lock each: two orders of one hall, one of another, a resend of a
     * success and a failure notice arriving after it in the same batch. Each trade is settled once, the late
     * failure finds the success recorded (it is not recorded as a failure first), and every seat is sold.
     */
    @Test
    void aBatchSettlesEachTradeOnceAndKeepsEachOrdersCallbacksInOrder() {
        Screening first = cinema.newScreening();
        Screening second = cinema.newScreening();
        String a = cinema.heldOrder(first, Duration.ofMinutes(10), "E1");
        String b = cinema.heldOrder(first, Duration.ofMinutes(10), "E2");
        String c = cinema.heldOrder(second, Duration.ofMinutes(10), "E1");

        List<Optional<Settled>> answers = settlement.settleAll(List.of(
                success(a, "T-" + a), success(b, "T-" + b), success(a, "T-" + a),
                callback(a, "T-" + a, "TRADE_CLOSED", 9_000), success(c, "T-" + c))).answers();

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isPresent());
        assertThat(answers.stream().map(answer -> answer.orElseThrow().trade().outcome()))
                .containsOnly(TradeOutcome.PAID);
        assertThat(answers.get(2).orElseThrow().trade()).isEqualTo(answers.get(0).orElseThrow().trade());
        assertThat(answers.get(3).orElseThrow().trade()).isEqualTo(answers.get(0).orElseThrow().trade());
        assertThat(List.of(cinema.tradeRows(a), cinema.tradeRows(b), cinema.tradeRows(c))).containsOnly(1);
        assertThat(cinema.seats(first)).containsExactly("E1=" + a + ":SOLD", "E2=" + b + ":SOLD");
        assertThat(cinema.seats(second)).containsExactly("E1=" + c + ":SOLD");
    }

    @Test
    void aFailureReportedAfterTheSuccessChangesNothing() {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "C1");
        Trade paid = settle(success(order, "T-" + order)).trade();

        Settled afterwards = settle(callback(order, "T-" + order, "TRADE_CLOSED", 9_000));

        assertThat(afterwards.trade()).isEqualTo(paid);
        assertThat(cinema.seats(screening)).containsExactly("C1=" + order + ":SOLD");
        assertThat(cinema.tradeRows(order)).isEqualTo(1);
    }

    @Test
    void aTradeThatFailedFirstAndThenSucceededPays() {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "D1");
        assertThat(settle(callback(order, "T-" + order, "TRADE_CLOSED", 9_000)).trade().outcome())
                .isEqualTo(TradeOutcome.FAILED);
        assertThat(cinema.seats(screening)).containsExactly("D1=" + order + ":HELD");

        Trade paid = settle(success(order, "T-" + order)).trade();

        assertThat(paid.outcome()).isEqualTo(TradeOutcome.PAID);
        assertThat(cinema.seats(screening)).containsExactly("D1=" + order + ":SOLD");
        assertThat(cinema.tradeRows(order)).isEqualTo(1);
    }

    @Test
    void aLatePaymentRetakesItsLapsedOrReleasedSeatsWhileTheyAreFree() {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(-2), "E1", "E2", "E3");
        cinema.release(screening, "E2", "E3");
        String lapsedOther = cinema.heldOrder(screening, Duration.ofSeconds(-30), "E3");
        assertThat(cinema.seats(screening)).containsExactly("E1=" + order + ":LAPSED", "E3=" + lapsedOther + ":LAPSED");

        Trade trade = settle(success(order, "T-" + order)).trade();

        assertThat(trade.outcome()).isEqualTo(TradeOutcome.PAID);
        assertThat(trade.retaken()).isTrue();
        assertThat(cinema.seats(screening)).containsExactly("E1=" + order + ":SOLD", "E2=" + order + ":SOLD",
                "E3=" + order + ":SOLD");
    }

    @Test
    void seatsTakenByAnotherLiveOrderMeanARefundAndNothingIsSold() {
        Screening screening = cinema.newScreening();
        String late = cinema.heldOrder(screening, Duration.ofMinutes(-1), "F1", "F2");
        cinema.release(screening, "F2");
        String other = cinema.heldOrder(screening, Duration.ofMinutes(10), "F2");

        Trade trade = settle(success(late, "T-" + late)).trade();

        assertThat(trade.outcome()).isEqualTo(TradeOutcome.REFUND);
        assertThat(trade.reason()).isEqualTo(SettlementReason.SEATS_GONE);
        assertThat(cinema.seats(screening)).containsExactly("F1=" + late + ":LAPSED", "F2=" + other + ":HELD");
    }

    @Test
    void aWrongAmountIsFlaggedAndSellsNothing() {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "G1");

        Trade trade = settle(callback(order, "T-" + order, "TRADE_SUCCESS", 1)).trade();

        assertThat(trade.outcome()).isEqualTo(TradeOutcome.FLAGGED);
        assertThat(trade.reason()).isEqualTo(SettlementReason.AMOUNT_MISMATCH);
        assertThat(cinema.seats(screening)).containsExactly("G1=" + order + ":HELD");
    }

    @Test
    void aPendingTradeChangesNothing() {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "H1");

        assertThat(settlement.settle(callback(order, "T-" + order, "WAIT_BUYER_PAY", 9_000))).isEmpty();
        assertThat(cinema.tradeRows(order)).isZero();
    }

    /**
     * A backlog delayed the callback: the gateway took the money before the hold's deadline and before the show,
     * the callback is settled after both. It is on time: the order's own seats are sold, not re-taken or refunded.
     */
    @Test
    void anOnTimePaymentSettledAfterABacklogIsPaidNotRefunded() {
        Screening screening = cinema.newScreening(Instant.now().minusSeconds(30));
        String order = cinema.heldOrder(screening, Duration.ofSeconds(-60), "L1", "L2");

        Trade trade = settle(paidAt(order, "T-" + order, "TRADE_SUCCESS", 9_000, Instant.now().minusSeconds(120)))
                .trade();

        assertThat(trade.outcome()).isEqualTo(TradeOutcome.PAID);
        assertThat(trade.retaken()).isFalse();
        assertThat(cinema.seats(screening)).containsExactly("L1=" + order + ":SOLD", "L2=" + order + ":SOLD");
    }

    @Test
    void moneyTakenAfterTheScreeningStartedIsRefundedAndSellsNothing() {
        Screening screening = cinema.newScreening(Instant.now().minusSeconds(60));
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "M1");

        Trade trade = settle(success(order, "T-" + order)).trade();

        assertThat(trade.outcome()).isEqualTo(TradeOutcome.REFUND);
        assertThat(trade.reason()).isEqualTo(SettlementReason.SCREENING_STARTED);
        assertThat(cinema.seats(screening)).containsExactly("M1=" + order + ":HELD");
    }

    /** Late money (Alipay resends for 25 hours) never re-takes seats once the show has begun. */
    @Test
    void lateMoneyForAScreeningThatHasStartedNeverRetakesItsSeats() {
        Screening screening = cinema.newScreening(Instant.now().minusSeconds(60));
        String order = cinema.heldOrder(screening, Duration.ofMinutes(-3), "N1", "N2");
        cinema.release(screening, "N1");

        Trade trade = settle(paidAt(order, "T-" + order, "TRADE_SUCCESS", 9_000, Instant.now().minusSeconds(120)))
                .trade();

        assertThat(trade.outcome()).isEqualTo(TradeOutcome.REFUND);
        assertThat(trade.reason()).isEqualTo(SettlementReason.SCREENING_STARTED);
        assertThat(cinema.seats(screening)).containsExactly("N2=" + order + ":LAPSED");
    }

    /** The customer was told CANCELLED and the seats went back on sale: money that comes anyway goes back. */
    @Test
    void aCancelledOrdersMoneyIsRefundedAndItsSeatsStayFree() {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "O1", "O2");
        cinema.cancel(screening, order);

        Trade trade = settle(success(order, "T-" + order)).trade();

        assertThat(trade.outcome()).isEqualTo(TradeOutcome.REFUND);
        assertThat(trade.reason()).isEqualTo(SettlementReason.CANCELLED);
        assertThat(cinema.seats(screening)).isEmpty();
    }

    /**
     * A hold whose payment is in flight, past its deadline but within its one extension: another order's late money
     * and a new order (taking over as the allocator does, a claim past its deadline counting as free) race for its
     * seat; neither gets it. Then the hold's own money comes and pays it, on time.
     */
    @Test
    void aHoldWithItsPaymentInFlightKeepsItsSeatPastItsDeadlineAndIsPaid() throws Exception {
        Screening screening = cinema.newScreening();
        String earlier = cinema.heldOrder(screening, Duration.ofMinutes(-5), "P1");
        cinema.release(screening, "P1");
        String paying = cinema.heldOrder(screening, Duration.ofMillis(1_500), "P1");
        Instant extensionEnds = cinema.claimPayment(screening, paying, Duration.ofMinutes(1));
        Instant deadline = cinema.claims(screening).getFirst().holdUntil();
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(deadline.plusMillis(100)));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);

        CompletableFuture<Settled> lateMoney = CompletableFuture.supplyAsync(() -> {
            awaitQuietly(go);
            return settle(success(earlier, "T-" + earlier));
        }, threads);
        CompletableFuture<Boolean> newOrder = CompletableFuture.supplyAsync(() -> {
            awaitQuietly(go);
            return takeOverIfLapsed(screening, "P1", "newcomer-" + paying);
        }, threads);
        go.countDown();
        Trade refunded = lateMoney.join().trade();
        boolean tookOver = newOrder.join();
        threads.shutdown();
        Trade paid = settle(success(paying, "T-" + paying)).trade();

        assertThat(tookOver).isFalse();
        assertThat(refunded.outcome()).isEqualTo(TradeOutcome.REFUND);
        assertThat(refunded.reason()).isEqualTo(SettlementReason.SEATS_GONE);
        assertThat(paid.outcome()).isEqualTo(TradeOutcome.PAID);
        assertThat(paid.retaken()).isFalse();
        assertThat(Instant.now()).isBefore(extensionEnds);
        assertThat(cinema.seats(screening)).containsExactly("P1=" + paying + ":SOLD");
    }

    /**
     * One callback of a hall's batch fails the same way however often it is settled (a trade number longer than any
     * gateway's, which the trade log cannot store): the others of the batch, of the same hall, are settled all the
     * same, and the bad one is named with its cause for the listener to set aside.
     */
    @Test
    void aCallbackThatCannotBeSettledIsIsolatedAndTheRestOfItsHallsBatchIsSettled() {
        Screening screening = cinema.newScreening();
        String before = cinema.heldOrder(screening, Duration.ofMinutes(10), "Q1");
        String poisoned = cinema.heldOrder(screening, Duration.ofMinutes(10), "Q2");
        String after = cinema.heldOrder(screening, Duration.ofMinutes(10), "Q3");

        SettledBatch batch = settlement.settleAll(List.of(success(before, "T-" + before),
                success(poisoned, "T-" + "9".repeat(200)), success(after, "T-" + after)));

        assertThat(batch.failed()).hasValueSatisfying(failed -> {
            assertThat(failed.index()).isEqualTo(1);
            assertThat(PaymentListenerFailures.isTransient(failed.cause())).isFalse();
        });
        assertThat(batch.answers().get(0)).hasValueSatisfying(s -> assertThat(s.trade().outcome())
                .isEqualTo(TradeOutcome.PAID));
        assertThat(batch.answers().get(1)).isEmpty();
        assertThat(batch.answers().get(2)).hasValueSatisfying(s -> assertThat(s.trade().outcome())
                .isEqualTo(TradeOutcome.PAID));
        assertThat(cinema.seats(screening)).containsExactly("Q1=" + before + ":SOLD", "Q2=" + poisoned + ":HELD",
                "Q3=" + after + ":SOLD");
    }

    /** An order the allocator decided but whose OrderRequested was not read yet is waited for, not flagged. */
    @Test
    void aCallbackForAnOrderNotReadYetIsRetriedNotFlagged() {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "R1");
        JdbcClient.create(db).sql("DELETE FROM known_order WHERE order_id = ?").param(order).update();

        assertThatThrownBy(() -> settlement.settle(success(order, "T-" + order)))
                .isInstanceOf(OrderNotKnownYetException.class)
                .satisfies(e -> assertThat(PaymentListenerFailures.isTransient(e)).isTrue());
        assertThat(cinema.tradeRows(order)).isZero();
    }

    /** Redeliveries and rebalances can settle one trade on several threads at once: it is paid exactly once. */
    @Test
    void oneTradeSettledConcurrentlyIsPaidOnce() {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "J1", "J2");
        PaymentCallback callback = success(order, "T-" + order);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(6);

        List<CompletableFuture<Settled>> racers = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return settle(callback);
                }, threads)).toList();
        go.countDown();
        List<Settled> answers = racers.stream().map(CompletableFuture::join).toList();
        threads.shutdown();

        assertThat(answers).containsOnly(answers.getFirst());
        assertThat(answers.getFirst().trade().outcome()).isEqualTo(TradeOutcome.PAID);
        assertThat(cinema.tradeRows(order)).isEqualTo(1);
        assertThat(cinema.claims(screening)).extracting(SeatClaim::fencingToken)
                .containsOnly(answers.getFirst().trade().fencingToken());
    }

    /**
     * A settlement pauses after taking the hall's lock, past its lease; another writer takes the lock and writes
     * the hall; the first resumes: the fence refuses its token, and neither seat nor trade of it lands.
     */
    @Test
    void aSettlementWhoseLockLapsedWritesNothing() throws Exception {
        Screening screening = cinema.newScreening();
        String order = cinema.heldOrder(screening, Duration.ofMinutes(10), "K1");
        HallLock shortLease = new HallLock(redisson, Duration.ofSeconds(20), Duration.ofMillis(300));
        PausingTransactions transactions = new PausingTransactions(new DataSourceTransactionManager(db));
        PaymentSettlement paused = settlement(shortLease, transactions);

        CompletableFuture<Optional<Settled>> first = CompletableFuture.supplyAsync(
                () -> paused.settle(success(order, "T-" + order)));
        assertThat(transactions.paused.await(20, TimeUnit.SECONDS)).isTrue();
        String other = cinema.heldOrder(screening, Duration.ofMinutes(10), "K2");
        transactions.resume.countDown();

        assertThatThrownBy(first::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(FencedOutException.class);
        assertThat(cinema.seats(screening)).containsExactly("K1=" + order + ":HELD", "K2=" + other + ":HELD");
        assertThat(cinema.tradeRows(order)).isZero();
    }

    /** What the allocator does with a seat a new order wants: takes it over if the claim on it is no longer live. */
    private static boolean takeOverIfLapsed(Screening screening, String seat, String newOrder) {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        SeatLedger ledger = new SeatLedger(new JdbcTemplate(db));
        return lock.runLocked(screening.hallId(), token -> tx.execute(status -> {
            new HallFence(JdbcClient.create(db)).admit(token);
            Instant now = Instant.now();
            SeatClaim claim = ledger.claims(screening.id(), List.of(seat)).get(seat);
            if (claim != null && claim.isLiveAt(now)) {
                return false;
            }
            ledger.claim(List.of(), List.of(new Takeover(new SeatClaim(screening.id(), seat, newOrder, "newcomer",
                    now.plusSeconds(900), token.value()), claim.orderId())), now);
            return true;
        }));
    }

    private static PaymentSettlement settlement(HallLock lock, TransactionTemplate transactions) {
        JdbcClient jdbc = JdbcClient.create(db);
        return new PaymentSettlement(lock, new HallFence(jdbc), new SeatLedger(new JdbcTemplate(db)),
                new OrderSnapshots(jdbc, new JdbcTemplate(db)), new PaymentTrades(jdbc),
                new CancelledScreeningsTable(jdbc), transactions,
                Clock.systemUTC());
    }

    private static Settled settle(PaymentCallback callback) {
        return settlement.settle(callback).orElseThrow();
    }

    private static PaymentCallback success(String orderId, String tradeNo) {
        return callback(orderId, tradeNo, "TRADE_SUCCESS", 9_000);
    }

    private static PaymentCallback callback(String orderId, String tradeNo, String status, long amountMinor) {
        return paidAt(orderId, tradeNo, status, amountMinor, Instant.now());
    }

    /** A callback whose gateway says it took the money at {@code paidAt}. */
    private static PaymentCallback paidAt(String orderId, String tradeNo, String status, long amountMinor,
                                          Instant paidAt) {
        return new PaymentCallback(orderId, "pay-" + tradeNo, "alipay", "n-" + tradeNo, tradeNo, status, amountMinor,
                "CNY", Instant.now(), paidAt);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Holds the first transaction back until told, as a GC pause or a network partition would. */
    static final class PausingTransactions extends TransactionTemplate {

        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        private final AtomicBoolean first = new AtomicBoolean(true);

        PausingTransactions(DataSourceTransactionManager transactions) {
            super(transactions);
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) throws TransactionException {
            if (first.getAndSet(false)) {
                paused.countDown();
                awaitQuietly(resume);
            }
            return super.execute(action);
        }
    }
}
