package dev.marquee.payments;

import static dev.marquee.payments.Scenario.NOW;
import static dev.marquee.payments.Scenario.ORDER_ID;
import static dev.marquee.payments.Scenario.SCREENING;
import static dev.marquee.payments.Scenario.callback;
import static dev.marquee.payments.Scenario.paymentFor;
import static dev.marquee.payments.Scenario.recorded;
import static dev.marquee.payments.SettlementReason.AMOUNT_MISMATCH;
import static dev.marquee.payments.SettlementReason.CURRENCY_MISMATCH;
import static dev.marquee.payments.SettlementReason.DUPLICATE_PAYMENT;
import static dev.marquee.payments.SettlementReason.ORDER_NOT_HELD;
import static dev.marquee.payments.SettlementReason.ORDER_REFUNDED;
import static dev.marquee.payments.SettlementReason.SEATS_GONE;
import static dev.marquee.payments.SettlementReason.TRADE_FAILED;
import static dev.marquee.payments.SettlementReason.UNKNOWN_ORDER;
import static dev.marquee.payments.SettlementReason.CANCELLED;
import static dev.marquee.payments.SettlementReason.SCREENING_STARTED;
import static dev.marquee.payments.TradeOutcome.FAILED;
import static dev.marquee.payments.TradeOutcome.FLAGGED;
import static dev.marquee.payments.TradeOutcome.PAID;
import static dev.marquee.payments.TradeOutcome.REFUND;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.marquee.ledger.Sale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettlementTest {

    @Nested
    class AMatchingPaymentForAHeldOrder {

        @Test
        void sellsTheLiveHolds() {
            Decision.Settle settle = settled(paymentFor("A1=held", "A2=held"));

            assertThat(settle.trade()).isEqualTo(new Trade("alipay", "T-1", ORDER_ID, "pay-T-1", PAID, null,
                    "TRADE_SUCCESS", 9_000, "CNY", List.of("A1", "A2"), false, null, NOW));
            assertThat(settle.replacesFailed()).isFalse();
            assertThat(settle.sale()).contains(new Sale(SCREENING, ORDER_ID, "alice", List.of("A1", "A2"), List.of(),
                    List.of()));
        }

        @Test
        void sellsItsOwnLapsedHoldsAndSaysTheSeatsWereRetaken() {
            Decision.Settle settle = settled(paymentFor("A1=held", "A2=lapsed"));

            assertThat(settle.trade().outcome()).isEqualTo(PAID);
            assertThat(settle.trade().retaken()).isTrue();
            assertThat(settle.sale()).hasValueSatisfying(sale ->
                    assertThat(sale.ownHolds()).containsExactly("A1", "A2"));
        }

        @Test
        void claimsAgainSeatsThatWereReleased() {
            Decision.Settle settle = settled(paymentFor("A1=free", "A2=free"));

            assertThat(settle.trade().outcome()).isEqualTo(PAID);
            assertThat(settle.trade().retaken()).isTrue();
            assertThat(settle.sale()).contains(new Sale(SCREENING, ORDER_ID, "alice", List.of(), List.of("A1", "A2"),
                    List.of()));
        }

        @Test
        void takesOverASeatWhoseHoldByAnotherOrderLapsed() {
            Scenario scenario = paymentFor("A1=lapsed", "A2=other-lapsed", "A3=free");

            Decision.Settle settle = settled(scenario);

            assertThat(settle.trade().retaken()).isTrue();
            assertThat(settle.trade().seats()).containsExactly("A1", "A2", "A3");
            assertThat(settle.sale()).contains(new Sale(SCREENING, ORDER_ID, "alice", List.of("A1"), List.of("A3"),
                    List.of(scenario.claimOn("A2"))));
        }

        @Test
        void leavesSeatsAlreadySoldToItAsTheyAre() {
            Decision.Settle settle = settled(paymentFor("A1=ticket", "A2=held"));

            assertThat(settle.trade().outcome()).isEqualTo(PAID);
            assertThat(settle.trade().retaken()).isFalse();
            assertThat(settle.sale()).hasValueSatisfying(sale -> {
                assertThat(sale.ownHolds()).containsExactly("A2");
                assertThat(sale.freeSeats()).isEmpty();
            });
        }

        @Test
        void acceptsTheCurrencyInAnyCase() {
            Decision.Settle settle = settled(paymentFor("A1=held").withCallback(callback("succeeded", 9_000, "cny")));

            assertThat(settle.trade().outcome()).isEqualTo(PAID);
            assertThat(settle.trade().currency()).isEqualTo("CNY");
        }

        @Test
        void paysATradeThatFailedBeforeAndUpdatesItsRecord() {
            Decision.Settle settle = settled(paymentFor("A1=held").withRecorded(recorded("T-1", FAILED, TRADE_FAILED)));

            assertThat(settle.trade().outcome()).isEqualTo(PAID);
            assertThat(settle.replacesFailed()).isTrue();
        }

        @Test
        void isNotADuplicateOfAnotherTradeOfTheOrderThatFailed() {
            Decision.Settle settle = settled(paymentFor("A1=held").withRecorded(recorded("T-0", FAILED, TRADE_FAILED)));

            assertThat(settle.trade().outcome()).isEqualTo(PAID);
            assertThat(settle.replacesFailed()).isFalse();
        }
    }

    @Nested
    class AMatchingPaymentThatCannotBeServedIsRefunded {

        @Test
        void whenAnotherOrderHoldsOneOfTheSeats() {
            Decision.Settle settle = settled(paymentFor("A1=held", "A2=other"));

            assertRefund(settle, SEATS_GONE);
            assertThat(settle.trade().seats()).containsExactly("A1", "A2");
        }

        @Test
        void whenOneOfTheSeatsWasSoldToAnotherOrder() {
            assertRefund(settled(paymentFor("A1=lapsed", "A2=other-ticket", "A3=free")), SEATS_GONE);
        }

        @Test
        void whenAnotherTradeAlreadyPaidTheOrder() {
            Decision.Settle settle = settled(paymentFor("A1=ticket").withCallback(callback("T-2", "TRADE_SUCCESS",
                    9_000, "CNY")).withRecorded(recorded("T-1", PAID, null)));

            assertRefund(settle, DUPLICATE_PAYMENT);
            assertThat(settle.trade().tradeNo()).isEqualTo("T-2");
        }

        /**
         * The order's money was decided by a refund (its seats were gone when the first money came); the order shows
         * REFUND_PENDING or REFUNDED for good, so money that comes later goes back too, even if the seats are free
         * again: a sale now would leave sold seats under a refunded order.
         */
        @Test
        void whenAnEarlierTradeOfTheOrderWasRefundedBecauseItCouldNotBeServed() {
            Decision.Settle settle = settled(paymentFor("A1=free").withCallback(callback("T-2", "TRADE_SUCCESS",
                    9_000, "CNY")).withRecorded(recorded("T-1", REFUND, SEATS_GONE)));

            assertRefund(settle, ORDER_REFUNDED);
        }

        /** A refund of flagged money or of a second payment did not decide the order: its own payment still sells. */
        @Test
        void butNotWhenTheEarlierRefundWasOfMoneyThatNeverDecidedTheOrder() {
            assertThat(settled(paymentFor("A1=held").withRecorded(recorded("T-0", REFUND, AMOUNT_MISMATCH)))
                    .trade().outcome()).isEqualTo(PAID);
        }

        @Test
        void whenTheAllocatorNeverHeldTheSeats() {
            assertRefund(settled(paymentFor("A1=other").rejectedByTheAllocator()), ORDER_NOT_HELD);
        }

        @Test
        void whenTheOrderHasNoAllocation() {
            assertRefund(settled(paymentFor().withoutAllocation()), ORDER_NOT_HELD);
        }

        private static void assertRefund(Decision.Settle settle, SettlementReason reason) {
            assertThat(settle.trade().outcome()).isEqualTo(REFUND);
            assertThat(settle.trade().reason()).isEqualTo(reason);
            assertThat(settle.trade().amountMinor()).isEqualTo(9_000);
            assertThat(settle.sale()).isEmpty();
        }
    }

    @Nested
    class MoneyThatDoesNotMatchAnOrderIsFlaggedAndSellsNothing {

        @Test
        void whenTheOrderIsUnknown() {
            Decision.Settle settle = settled(paymentFor().forUnknownOrder());

            assertFlagged(settle, UNKNOWN_ORDER);
            assertThat(settle.trade().orderId()).isEqualTo(ORDER_ID);
        }

        @Test
        void whenTheCurrencyDiffers() {
            assertFlagged(settled(paymentFor("A1=held").withCallback(callback("TRADE_SUCCESS", 9_000, "USD"))),
                    CURRENCY_MISMATCH);
        }

        @ParameterizedTest
        @ValueSource(longs = {8_999, 9_001, 0})
        void whenTheAmountDiffers(long amount) {
            Decision.Settle settle = settled(paymentFor("A1=held")
                    .withCallback(callback("TRADE_SUCCESS", amount, "CNY")));

            assertFlagged(settle, AMOUNT_MISMATCH);
            assertThat(settle.trade().amountMinor()).isEqualTo(amount);
        }

        private static void assertFlagged(Decision.Settle settle, SettlementReason reason) {
            assertThat(settle.trade().outcome()).isEqualTo(FLAGGED);
            assertThat(settle.trade().reason()).isEqualTo(reason);
            assertThat(settle.trade().seats()).isEmpty();
            assertThat(settle.sale()).isEmpty();
        }
    }

    @Nested
    class AFailedTrade {

        @Test
        void isRecordedAsFailedWithoutTouchingSeats() {
            Decision.Settle settle = settled(paymentFor("A1=held").withStatus("TRADE_CLOSED"));

            assertThat(settle.trade()).isEqualTo(new Trade("alipay", "T-1", ORDER_ID, "pay-T-1", FAILED,
                    TRADE_FAILED, "TRADE_CLOSED", 9_000, "CNY", List.of(), false, null, NOW));
            assertThat(settle.sale()).isEmpty();
        }

        @Test
        void ofAnUnknownOrderIsStillRecorded() {
            assertThat(settled(paymentFor().forUnknownOrder().withStatus("payment_intent.payment_failed"))
                    .trade().outcome()).isEqualTo(FAILED);
        }

        @Test
        void reportedAgainOnlyReplaysItsRecord() {
            Trade failed = recorded("T-1", FAILED, TRADE_FAILED);

            assertThat(paymentFor("A1=held").withStatus("TRADE_CLOSED").withRecorded(failed).decide())
                    .isEqualTo(new Decision.Replay(failed));
        }

        @ParameterizedTest
        @EnumSource(value = TradeOutcome.class, names = {"PAID", "REFUND", "FLAGGED"})
        void neverUndoesWhatTheTradeWasSettledAs(TradeOutcome outcome) {
            Trade settled = recorded("T-1", outcome, outcome == PAID ? null : SEATS_GONE);

            assertThat(paymentFor("A1=ticket").withStatus("TRADE_CLOSED").withRecorded(settled).decide())
                    .isEqualTo(new Decision.Replay(settled));
        }
    }

    @Nested
    class ARepeatedCallback {

        @ParameterizedTest
        @EnumSource(value = TradeOutcome.class, names = {"PAID", "REFUND", "FLAGGED"})
        void replaysTheRecordedAnswerWhateverTheSeatsLookLikeNow(TradeOutcome outcome) {
            Trade settled = recorded("T-1", outcome, outcome == PAID ? null : SEATS_GONE);

            assertThat(paymentFor("A1=other").withRecorded(settled).decide()).isEqualTo(new Decision.Replay(settled));
        }
    }

    @Nested
    class APendingTrade {

        @ParameterizedTest
        @ValueSource(strings = {"WAIT_BUYER_PAY", "processing", "requires_action"})
        void changesNothing(String status) {
            assertThat(paymentFor("A1=held").withStatus(status).decide()).isInstanceOf(Decision.Ignore.class);
        }

        @Test
        void changesNothingEvenOnceTheTradeIsSettled() {
            assertThat(paymentFor("A1=ticket").withStatus("WAIT_BUYER_PAY").withRecorded(recorded("T-1", PAID, null))
                    .decide()).isInstanceOf(Decision.Ignore.class);
        }
    }

    /**
     * Whether money is late is the gateway's word (its payment time against the hold's deadline, with the extension
     * of a payment in flight), not when the callback is processed; money for a screening that has started, or for an
     * order the customer cancelled, is refunded and never takes a seat.
     */
    @Nested
    class TheGatewaysTimeDecides {

        @Test
        void onTimeMoneyProcessedAfterTheDeadlineSellsTheOwnHoldsAsOnTime() {
            Decision.Settle settle = settled(paymentFor("A1=lapsed", "A2=lapsed")
                    .deadline(NOW.minusSeconds(60)).paidAt(NOW.minusSeconds(120)));

            assertThat(settle.trade().outcome()).isEqualTo(PAID);
            assertThat(settle.trade().retaken()).isFalse();
            assertThat(settle.sale().orElseThrow().ownHolds()).containsExactly("A1", "A2");
        }

        @Test
        void onTimeMoneyProcessedAfterTheScreeningStartedIsStillSettled() {
            Decision.Settle settle = settled(paymentFor("A1=lapsed").deadline(NOW.minusSeconds(60))
                    .paidAt(NOW.minusSeconds(120)).screeningStartsAt(NOW.minusSeconds(30)));

            assertThat(settle.trade().outcome()).isEqualTo(PAID);
            assertThat(settle.trade().retaken()).isFalse();
        }

        @Test
        void moneyWithinThePaymentsExtensionIsOnTime() {
            Decision.Settle settle = settled(paymentFor("A1=lapsed").deadline(NOW.minusSeconds(60))
                    .paymentInFlightUntil(NOW.plusSeconds(240)).paidAt(NOW.minusSeconds(10)));

            assertThat(settle.trade().outcome()).isEqualTo(PAID);
            assertThat(settle.trade().retaken()).isFalse();
        }

        @Test
        void lateMoneyBeforeTheStartStillRetakesFreeSeats() {
            Decision.Settle settle = settled(paymentFor("A1=lapsed", "A2=free").deadline(NOW.minusSeconds(60)));

            assertThat(settle.trade().outcome()).isEqualTo(PAID);
            assertThat(settle.trade().retaken()).isTrue();
        }

        @Test
        void moneyTakenAfterTheScreeningStartedIsRefundedEvenForALiveHold() {
            Decision.Settle settle = settled(paymentFor("A1=held").deadline(NOW.plusSeconds(300))
                    .screeningStartsAt(NOW.minusSeconds(60)).paidAt(NOW.minusSeconds(30)));

            assertRefunded(settle, SCREENING_STARTED);
        }

        @Test
        void lateMoneyForAScreeningThatHasStartedSinceIsRefundedNotRetaken() {
            Decision.Settle settle = settled(paymentFor("A1=free", "A2=lapsed").deadline(NOW.minusSeconds(180))
                    .paidAt(NOW.minusSeconds(120)).screeningStartsAt(NOW.minusSeconds(60)));

            assertRefunded(settle, SCREENING_STARTED);
        }

        @Test
        void moneyForACancelledOrderIsRefundedThoughItsSeatsAreFree() {
            Decision.Settle settle = settled(paymentFor("A1=free", "A2=free").deadline(NOW.plusSeconds(300))
                    .cancelled());

            assertRefunded(settle, CANCELLED);
        }

        @Test
        void moneyForACancelledScreeningIsRefundedThoughItsSeatsAreFreeAndTheMoneyOnTime() {
            Decision.Settle settle = settled(paymentFor("A1=free", "A2=free").deadline(NOW.plusSeconds(300))
                    .screeningCancelled());

            assertRefunded(settle, SettlementReason.SCREENING_CANCELLED);
            assertThat(settle.trade().reason().decidesTheOrder()).isTrue();
        }

        @Test
        void moneyForAHoldTheAllocatorReleasedForACancelledScreeningIsRefundedNotRetaken() {
            Decision.Settle settle = settled(paymentFor("A1=free", "A2=free").deadline(NOW.plusSeconds(300))
                    .releasedForACancelledScreening());

            assertRefunded(settle, SettlementReason.SCREENING_CANCELLED);
        }

        @Test
        void anotherOrdersHoldWithItsPaymentInFlightIsNotTakenOverByLateMoney() {
            Decision.Settle settle = settled(paymentFor("A1=lapsed", "A2=other-paying"));

            assertRefunded(settle, SEATS_GONE);
        }

        private static void assertRefunded(Decision.Settle settle, SettlementReason reason) {
            assertThat(settle.trade().outcome()).isEqualTo(REFUND);
            assertThat(settle.trade().reason()).isEqualTo(reason);
            assertThat(settle.sale()).isEmpty();
        }
    }

    @Test
    void aHoldEndingThisVeryMomentHasLapsed() {
        assertThat(settled(paymentFor("A1=held", "A2=ending")).trade().retaken()).isTrue();
    }

    private static Decision.Settle settled(Scenario scenario) {
        Decision decision = scenario.decide();
        assertThat(decision).isInstanceOf(Decision.Settle.class);
        return (Decision.Settle) decision;
    }
}
