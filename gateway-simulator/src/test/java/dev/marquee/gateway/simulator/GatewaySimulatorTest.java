package dev.marquee.gateway.simulator;

import dev.marquee.gateway.GatewayKeys;
import dev.marquee.gateway.PaymentNotification;
import dev.marquee.gateway.TradeStatus;
import java.net.ServerSocket;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GatewaySimulatorTest {

    static final KeyPair ALIPAY = GatewayKeys.generateRsa();
    static final String STRIPE_SECRET = "whsec_simulator_test";
    /** Alipay's 4 min and 10 min become 120 ms and 300 ms. */
    static final double TIME_SCALE = 0.0005;

    private final Merchant merchant = new Merchant(ALIPAY.getPublic(), STRIPE_SECRET);
    private GatewaySimulator simulator = GatewaySimulator.start(
            SimulatorSettings.of(ALIPAY.getPrivate(), STRIPE_SECRET).withTimeScale(TIME_SCALE));

    @AfterEach
    void stop() {
        simulator.close();
        merchant.close();
    }

    @Test
    void notifiesASuccessfulAlipayPaymentOnce() {
        Trade trade = simulator.pay(payment("alipay", Outcome.SUCCESS, Faults.none()));

        await().until(() -> merchant.acknowledged().size() == 1);
        assertThat(simulator.awaitQuiet(Duration.ofSeconds(2))).isTrue();

        PaymentNotification notification = merchant.acknowledged().getFirst();
        assertThat(trade.tradeNo()).matches("\\d{8}22001\\d{15}");
        assertThat(notification.tradeNo()).isEqualTo(trade.tradeNo());
        assertThat(notification.outTradeNo()).isEqualTo("M-42");
        assertThat(notification.status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(notification.amountMinor()).isEqualTo(1250);
        assertThat(notification.currency()).isEqualTo("CNY");
        assertThat(simulator.deliveries()).isEqualTo(new DeliveryStats(1, 1, 0, 0, 0, 0));
        assertThat(merchant.calls()).hasSize(1);
    }

    @Test
    void notifiesAFailedStripePaymentOnce() {
        Trade trade = simulator.pay(payment("stripe", Outcome.FAILED, Faults.none()));

        assertThat(simulator.awaitQuiet(Duration.ofSeconds(3))).isTrue();

        assertThat(trade.tradeNo()).startsWith("pi_");
        assertThat(merchant.acknowledged()).singleElement().satisfies(notification -> {
            assertThat(notification.notifyId()).startsWith("evt_");
            assertThat(notification.tradeNo()).isEqualTo(trade.tradeNo());
            assertThat(notification.status()).isEqualTo(TradeStatus.FAILED);
            assertThat(notification.rawStatus()).isEqualTo("payment_intent.payment_failed");
            assertThat(notification.amountMinor()).isEqualTo(1250);
        });
        assertThat(simulator.deliveries()).isEqualTo(new DeliveryStats(1, 1, 0, 0, 0, 0));
    }

    @Test
    void deliversDuplicatesUnderTheSameNotifyId() {
        simulator.pay(payment("alipay", Outcome.SUCCESS, new Faults(2, Duration.ZERO, false, false)));

        assertThat(simulator.awaitQuiet(Duration.ofSeconds(3))).isTrue();

        assertThat(merchant.acknowledged()).hasSize(3);
        assertThat(merchant.acknowledged().stream().map(PaymentNotification::notifyId).distinct()).hasSize(1);
        assertThat(simulator.deliveries().answeredSuccess()).isEqualTo(3);
    }

    @Test
    void resendsOnTheScaledScheduleUntilAcknowledged() {
        merchant.refuseNext(2);

        simulator.pay(payment("alipay", Outcome.SUCCESS, Faults.none()));

        assertThat(simulator.awaitQuiet(Duration.ofSeconds(3))).isTrue();
        List<Merchant.Call> calls = merchant.calls();
        assertThat(calls).extracting(Merchant.Call::refused).containsExactly(true, true, false);
        assertThat(calls.stream().map(call -> call.notification().notifyId()).distinct()).hasSize(1);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(millis(115));
        assertThat(Duration.between(calls.get(1).at(), calls.get(2).at())).isGreaterThanOrEqualTo(millis(295));
        assertThat(simulator.deliveries()).isEqualTo(new DeliveryStats(3, 1, 2, 0, 0, 0));
    }

    @Test
    void corruptSignaturesAreRefusedUntilTheScheduleRunsOut() {
        simulator.close();
        simulator = GatewaySimulator.start(SimulatorSettings.of(ALIPAY.getPrivate(), STRIPE_SECRET)
                .withResendSchedule(List.of(Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .withTimeScale(TIME_SCALE));
        Faults corrupt = new Faults(0, Duration.ZERO, false, true);

        simulator.pay(payment("alipay", Outcome.SUCCESS, corrupt));
        simulator.pay(payment("stripe", Outcome.SUCCESS, corrupt));

        assertThat(simulator.awaitQuiet(Duration.ofSeconds(3))).isTrue();
        assertThat(merchant.rejections()).hasSize(6).containsOnly("signature-invalid");
        assertThat(merchant.acknowledged()).isEmpty();
        assertThat(simulator.deliveries()).isEqualTo(new DeliveryStats(6, 0, 6, 0, 2, 0));
    }

    @Test
    void reorderSendsALateFailureAfterTheSuccess() {
        Trade trade = simulator.pay(payment("stripe", Outcome.SUCCESS, new Faults(0, Duration.ZERO, true, false)));

        assertThat(simulator.awaitQuiet(Duration.ofSeconds(3))).isTrue();

        List<PaymentNotification> received = merchant.acknowledged();
        assertThat(received).extracting(PaymentNotification::status)
                .containsExactly(TradeStatus.SUCCESS, TradeStatus.FAILED);
        assertThat(received).extracting(PaymentNotification::tradeNo).containsOnly(trade.tradeNo());
        assertThat(received.get(0).notifyId()).isNotEqualTo(received.get(1).notifyId());
    }

    @Test
    void delaysTheFirstSendByTheScaledDelay() {
        Instant paid = Instant.now();

        simulator.pay(payment("alipay", Outcome.SUCCESS, new Faults(0, Duration.ofMinutes(10), false, false)));

        assertThat(simulator.deliveries().pending()).isEqualTo(1);
        assertThat(simulator.awaitQuiet(Duration.ofSeconds(3))).isTrue();
        assertThat(Duration.between(paid, merchant.calls().getFirst().at())).isGreaterThanOrEqualTo(millis(295));
    }

    @Test
    void countsUnreachableMerchantsAsFailedDeliveries() {
        merchant.close();

        simulator.pay(payment("stripe", Outcome.SUCCESS, Faults.none()));

        await().until(() -> simulator.deliveries().failed() >= 1);
        assertThat(simulator.deliveries().answeredSuccess()).isZero();
        assertThat(simulator.deliveries().pending()).isEqualTo(1);
    }

    @Test
    void closeDropsPlannedDeliveriesAndFreesThePortPromptly() throws Exception {
        simulator.pay(payment("alipay", Outcome.SUCCESS, new Faults(0, Duration.ofHours(1), false, false)));
        int port = simulator.port();
        long started = System.nanoTime();

        simulator.close();

        // a planned delivery an hour away must not hold the close up; 10 s is slack for a loaded machine
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        try (ServerSocket socket = new ServerSocket(port)) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
        assertThat(merchant.calls()).isEmpty();
    }

    @Test
    void takesConcurrentPaymentsUnderDistinctTradeNumbers() throws Exception {
        try (ExecutorService customers = Executors.newFixedThreadPool(4)) {
            List<Future<Trade>> trades = IntStream.range(0, 40)
                    .mapToObj(i -> customers.submit(() -> simulator.pay(
                            payment(i % 2 == 0 ? "alipay" : "stripe", Outcome.SUCCESS, Faults.none()))))
                    .toList();
            Set<String> tradeNos = trades.stream().map(GatewaySimulatorTest::get).map(Trade::tradeNo).collect(toSet());

            assertThat(tradeNos).hasSize(40);
        }
        assertThat(simulator.awaitQuiet(Duration.ofSeconds(4))).isTrue();
        assertThat(merchant.acknowledged().stream().map(PaymentNotification::notifyId).distinct()).hasSize(40);
        assertThat(simulator.trades()).hasSize(40);
    }

    private PayRequest payment(String gateway, Outcome outcome, Faults faults) {
        URI notifyUrl = merchant.notifyUrl(gateway);
        return new PayRequest(gateway, "M-42", 1250, "CNY", notifyUrl, outcome, faults);
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
