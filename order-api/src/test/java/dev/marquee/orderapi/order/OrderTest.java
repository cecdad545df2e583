package dev.marquee.orderapi.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OrderTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Instant DEADLINE = NOW.plusSeconds(900);

    @Test
    void aRequestedOrderIsHeldOnceAndARepeatOfTheSameHoldChangesNothing() {
        Order order = requested();

        assertThat(order.hold(List.of("A1", "A2"), DEADLINE, NOW)).isTrue();
        assertThat(order.hold(List.of("A1", "A2"), DEADLINE, NOW.plusSeconds(1))).isFalse();

        assertThat(order.status()).isEqualTo(OrderStatus.HELD);
        assertThat(order.holdDeadline()).isEqualTo(DEADLINE);
        assertThat(order.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aRejectedOrderKeepsItsFirstReasonAndARepeatChangesNothing() {
        Order order = requested();

        assertThat(order.reject("SEATS_TAKEN", "taken: A1", NOW)).isTrue();
        assertThat(order.reject("SEATS_TAKEN", "taken: A1", NOW)).isFalse();
        assertThat(order.reject("SOLD_OUT", "", NOW)).isFalse();

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.rejectReason()).isEqualTo("SEATS_TAKEN");
        assertThat(order.rejectDetail()).isEqualTo("taken: A1");
    }

    @Test
    void anAnySeatsOrderLearnsItsSeatsWhenHeldAndMustGetAsManyAsItAskedFor() {
        Order order = Order.requestAny("o-2", "bob", 3, 2, 3, 18000, "CNY", NOW);
        assertThat(order.seats()).isEmpty();
        assertThat(order.seatCount()).isEqualTo(3);

        assertThatThrownBy(() -> order.hold(List.of("G9", "G10"), DEADLINE, NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("3 seats");
        assertThat(order.hold(List.of("G9", "G10", "G11"), DEADLINE, NOW)).isTrue();

        assertThat(order.seats()).containsExactly("G9", "G10", "G11");
    }

    @Test
    void anOrderForNamedSeatsCannotBeHeldWithOthers() {
        Order order = requested();

        assertThatThrownBy(() -> order.hold(List.of("A1", "A3"), DEADLINE, NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(order.status()).isEqualTo(OrderStatus.REQUESTED);
    }

    @Test
    void aHeldOrderAwaitsItsPaymentThenIsPaidAndRepeatsChangeNothing() {
        Order order = held();

        assertThat(order.claimPayment(Set.of("p1"), NOW)).isTrue();
        assertThat(order.claimPayment(Set.of("p1"), NOW)).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_PENDING);
        assertThat(order.paid(NOW)).isTrue();
        assertThat(order.paid(NOW)).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aFailedPaymentEndsItsClaimOnlyButNeverUndoesAPaidOrder() {
        Order pending = held();
        pending.claimPayment(Set.of("p1", "p2"), NOW);
        assertThat(pending.paymentFailed("p0", NOW)).as("a payment never claimed").isFalse();
        assertThat(pending.paymentFailed("p1", NOW)).isTrue();
        assertThat(pending.status()).as("p2 is still in flight").isEqualTo(OrderStatus.PAYMENT_PENDING);
        assertThat(pending.paymentFailed("p2", NOW)).isTrue();
        assertThat(pending.status()).isEqualTo(OrderStatus.HELD);
        assertThat(pending.holdDeadline()).isEqualTo(DEADLINE);

        Order paid = held();
        paid.paid(NOW);
        assertThat(paid.paymentFailed("p1", NOW)).isFalse();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void moneyThatCannotBuyTheSeatsIsRefundedButARefundOfASecondPaymentLeavesAPaidOrderPaid() {
        Order seatsGone = held();
        assertThat(seatsGone.refundRequested("p1", "SEATS_GONE", NOW)).isTrue();
        assertThat(seatsGone.status()).isEqualTo(OrderStatus.REFUND_PENDING);
        assertThat(seatsGone.refundReason()).isEqualTo("SEATS_GONE");
        assertThat(seatsGone.refunded("p1", NOW)).isTrue();
        assertThat(seatsGone.refunded("p1", NOW)).isFalse();
        assertThat(seatsGone.status()).isEqualTo(OrderStatus.REFUNDED);

        Order paidTwice = held();
        paidTwice.paid(NOW);
        assertThat(paidTwice.refundRequested("p2", "DUPLICATE_PAYMENT", NOW)).isFalse();
        assertThat(paidTwice.refunded("p2", NOW)).isFalse();
        assertThat(paidTwice.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paidTwice.refundReason()).isNull();
    }

    @Test
    void aCancelledScreeningTakesBackAPaidOrdersMoneyInEitherOrderOfItsEvents() {
        Order paidFirst = held();
        paidFirst.paid(NOW);
        assertThat(paidFirst.refundRequested("p1", "SCREENING_CANCELLED", NOW)).isTrue();
        assertThat(paidFirst.status()).isEqualTo(OrderStatus.REFUND_PENDING);
        assertThat(paidFirst.refundRequested("p1", "SCREENING_CANCELLED", NOW)).isFalse();
        assertThat(paidFirst.refunded("p1", NOW)).isTrue();
        assertThat(paidFirst.status()).isEqualTo(OrderStatus.REFUNDED);

        Order refundFirst = held();
        refundFirst.refundRequested("p1", "SCREENING_CANCELLED", NOW);
        assertThat(refundFirst.paid(NOW)).isFalse();
        refundFirst.refunded("p1", NOW);
        assertThat(refundFirst.status()).isEqualTo(OrderStatus.REFUNDED);
    }

    /** A cancelled screening's released hold ends its order CANCELLED, once; a paid order is not a hold. */
    @Test
    void aHoldReleasedByACancelledScreeningEndsTheOrderCancelled() {
        Order held = held();
        assertThat(held.releasedByCancelledScreening(NOW)).isTrue();
        assertThat(held.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(held.releasedByCancelledScreening(NOW)).isFalse();
        assertThat(held.refundRequested("p1", "SEATS_GONE", NOW)).isTrue();
        assertThat(held.status()).isEqualTo(OrderStatus.REFUND_PENDING);

        Order paid = held();
        paid.paid(NOW);
        assertThat(paid.releasedByCancelledScreening(NOW)).isFalse();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    }

    /** The wedge: two gateways' payments, the first refunded, the second's OrderPaid late. */
    @Test
    void moneyThatComesAfterTheOrdersRefundIsAbsorbedWhetherTheRefundIsPendingOrDone() {
        Order pending = held();
        pending.expire(NOW);
        pending.refundRequested("p1", "SEATS_GONE", NOW);
        assertThat(pending.paid(NOW)).isFalse();
        assertThat(pending.status()).isEqualTo(OrderStatus.REFUND_PENDING);

        Order refunded = held();
        refunded.refundRequested("p1", "SCREENING_STARTED", NOW);
        refunded.refunded("p1", NOW);
        assertThat(refunded.paid(NOW)).isFalse();
        assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
    }

    @Test
    void flaggedMoneyGivenBackLeavesTheOrderAsItIsAndOnlyTheDecidingRefundCompletesIt() {
        Order order = held();
        assertThat(order.refundRequested("p0", "AMOUNT_MISMATCH", NOW)).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.HELD);

        order.expire(NOW);
        order.refundRequested("p1", "SEATS_GONE", NOW);
        assertThat(order.refunded("p0", NOW)).as("the flagged money's refund").isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.REFUND_PENDING);
        assertThat(order.refunded("p1", NOW)).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
    }

    @Test
    void moneyForACancelledOrderGoesBackAndTheOrderFollowsIt() {
        Order order = held();
        order.cancel(NOW);

        assertThat(order.refundRequested("p1", "CANCELLED", NOW)).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.REFUND_PENDING);
        assertThat(order.refunded("p1", NOW)).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.wasCancelled()).isTrue();
        assertThat(order.cancel(NOW)).as("cancelling again").isFalse();
    }

    @Test
    void onlyAHeldOrderWithALiveHoldCanAwaitAPayment() {
        assertThatThrownBy(() -> requested().claimPayment(Set.of("p1"), NOW))
                .isInstanceOf(IllegalOrderTransitionException.class).hasMessageContaining("REQUESTED");
        assertThatThrownBy(() -> held().claimPayment(Set.of("p1"), DEADLINE))
                .isInstanceOf(IllegalOrderTransitionException.class).hasMessageContaining("lapsed");
        Order refunded = held();
        refunded.refundRequested("p1", "SEATS_GONE", NOW);
        assertThatThrownBy(() -> refunded.claimPayment(Set.of("p2"), NOW))
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void aHeldOrderIsCancelledOnceButAPaidOnePendingOneOrLapsedOneCannotBe() {
        Order order = held();
        assertThat(order.cancel(NOW)).isTrue();
        assertThat(order.cancel(NOW)).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);

        Order paid = held();
        paid.paid(NOW);
        assertThatThrownBy(() -> paid.cancel(NOW)).isInstanceOf(OrderNotCancellableException.class)
                .hasMessageContaining("PAID");
        Order pending = held();
        pending.claimPayment(Set.of("p1"), NOW);
        assertThatThrownBy(() -> pending.cancel(NOW)).isInstanceOf(OrderNotCancellableException.class)
                .hasMessageContaining("in flight");
        assertThatThrownBy(() -> held().cancel(DEADLINE)).isInstanceOf(OrderNotCancellableException.class)
                .hasMessageContaining("lapsed");
    }

    @Test
    void anUnpaidHoldExpiresButAnOrderThatEndedOtherwiseStaysAsItIs() {
        Order pending = held();
        pending.claimPayment(Set.of("p1"), NOW);
        assertThat(pending.expire(NOW)).isTrue();
        assertThat(pending.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(pending.paid(NOW)).as("late money that re-took the seats").isTrue();
        assertThat(pending.status()).isEqualTo(OrderStatus.PAID);

        Order cancelled = held();
        cancelled.cancel(NOW);
        cancelled.expire(NOW);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    /** The second case: OrderExpired (order-events) read before SeatsHeld (seat-events). */
    @Test
    void anExpiryReadBeforeItsHoldStillEndsTheOrderWhichLearnsItsSeatsAndDeadline() {
        Order order = requested();

        assertThat(order.expire(NOW)).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(order.hold(List.of("A1", "A2"), DEADLINE, NOW)).isTrue();

        assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(order.seats()).containsExactly("A1", "A2");
        assertThat(order.holdDeadline()).isEqualTo(DEADLINE);
    }

    @Test
    void aPaymentReadBeforeItsHoldPaysTheOrder() {
        Order order = requested();

        order.paid(NOW);
        order.hold(List.of("A1", "A2"), DEADLINE, NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.holdDeadline()).isEqualTo(DEADLINE);
    }

    @Test
    void anExtensionSetsTheDeadlineWhicheverComesFirstAndARepeatChangesNothing() {
        Order order = held();
        order.claimPayment(Set.of("p1"), NOW);
        assertThat(order.extendHold(DEADLINE.plusSeconds(300), NOW)).isTrue();
        assertThat(order.extendHold(DEADLINE.plusSeconds(300), NOW)).isFalse();
        assertThat(order.hold(List.of("A1", "A2"), DEADLINE, NOW)).as("the hold again").isFalse();
        assertThat(order.holdDeadline()).isEqualTo(DEADLINE.plusSeconds(300));

        Order extendedFirst = requested();
        extendedFirst.extendHold(DEADLINE.plusSeconds(300), NOW);
        assertThat(extendedFirst.status()).isEqualTo(OrderStatus.REQUESTED);
        extendedFirst.hold(List.of("A1", "A2"), DEADLINE, NOW);
        assertThat(extendedFirst.status()).isEqualTo(OrderStatus.HELD);
        assertThat(extendedFirst.holdDeadline()).isEqualTo(DEADLINE.plusSeconds(300));
    }

    /** The expiry worker decides the extension from the seats' own deadline, which is the one that counts. */
    @Test
    void anExtensionIsTheSeatsDeadlineEvenWhenItIsEarlierThanTheOrdersCopy() {
        Order order = held();

        order.extendHold(NOW.plusSeconds(300), NOW);

        assertThat(order.holdDeadline()).isEqualTo(NOW.plusSeconds(300));
    }

    private static Order requested() {
        return Order.request("o-1", "alice", 1, 1, List.of("A1", "A2"), 12000, "CNY", NOW);
    }

    private static Order held() {
        Order order = requested();
        order.hold(List.of("A1", "A2"), DEADLINE, NOW);
        return order;
    }
}
