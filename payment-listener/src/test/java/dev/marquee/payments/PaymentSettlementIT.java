package dev.marquee.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.marquee.payments.Cinema.Screening;
import dev.marquee.payments.persistence.OrderSnapshots;
import dev.marquee.payments.persistence.PaymentListenerSchema;
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
        Cinema.createOrderApiTables(db);
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
                callback(a, "T-" + a, "TRADE_CLOSED", 9_000), success(c, "T-" + c)));

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

    private static PaymentSettlement settlement(HallLock lock, TransactionTemplate transactions) {
        JdbcClient jdbc = JdbcClient.create(db);
        return new PaymentSettlement(lock, new HallFence(jdbc), new SeatLedger(new JdbcTemplate(db)),
                new OrderSnapshots(jdbc), new PaymentTrades(jdbc), transactions, Clock.systemUTC());
    }

    private static Settled settle(PaymentCallback callback) {
        return settlement.settle(callback).orElseThrow();
    }

    private static PaymentCallback success(String orderId, String tradeNo) {
        return callback(orderId, tradeNo, "TRADE_SUCCESS", 9_000);
    }

    private static PaymentCallback callback(String orderId, String tradeNo, String status, long amountMinor) {
        return new PaymentCallback(orderId, "pay-" + tradeNo, "alipay", "n-" + tradeNo, tradeNo, status, amountMinor,
                "CNY", Instant.now());
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
