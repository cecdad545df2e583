package dev.marquee.orderapi.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

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
    void aRejectedOrderKeepsItsReasonAndCannotBeHeldAfterwards() {
        Order order = requested();

        assertThat(order.reject("SEATS_TAKEN", "taken: A1", NOW)).isTrue();
        assertThat(order.reject("SEATS_TAKEN", "taken: A1", NOW)).isFalse();

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.rejectReason()).isEqualTo("SEATS_TAKEN");
        assertThatThrownBy(() -> order.hold(List.of("A1", "A2"), DEADLINE, NOW))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("REJECTED");
    }

    @Test
    void aHeldOrderCannotBeRejectedNorHeldWithAnotherDeadline() {
        Order order = requested();
        order.hold(List.of("A1", "A2"), DEADLINE, NOW);

        assertThatThrownBy(() -> order.reject("SEATS_TAKEN", "", NOW)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> order.hold(List.of("A1", "A2"), DEADLINE.plusSeconds(1), NOW))
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    private static Order requested() {
        return Order.request("o-1", "alice", 1, 1, List.of("A1", "A2"), 12000, "CNY", NOW);
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

        assertThat(order.claimPayment(NOW)).isTrue();
        assertThat(order.claimPayment(NOW)).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_PENDING);
        assertThat(order.paid(NOW)).isTrue();
        assertThat(order.paid(NOW)).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aFailedPaymentReturnsAPendingOrderToHeldButNeverUndoesAPaidOne() {
        Order pending = held();
        pending.claimPayment(NOW);
        assertThat(pending.paymentFailed(NOW)).isTrue();
        assertThat(pending.status()).isEqualTo(OrderStatus.HELD);
        assertThat(pending.holdDeadline()).isEqualTo(DEADLINE);

        Order paid = held();
        paid.paid(NOW);
        assertThat(paid.paymentFailed(NOW)).isFalse();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void moneyThatCannotBuyTheSeatsIsRefundedButARefundOfASecondPaymentLeavesAPaidOrderPaid() {
        Order seatsGone = held();
        assertThat(seatsGone.refundPending(NOW)).isTrue();
        assertThat(seatsGone.status()).isEqualTo(OrderStatus.REFUND_PENDING);
        assertThat(seatsGone.refunded(NOW)).isTrue();
        assertThat(seatsGone.refunded(NOW)).isFalse();
        assertThat(seatsGone.status()).isEqualTo(OrderStatus.REFUNDED);

        Order paidTwice = held();
        paidTwice.paid(NOW);
        assertThat(paidTwice.refundPending(NOW)).isFalse();
        assertThat(paidTwice.refunded(NOW)).isFalse();
        assertThat(paidTwice.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void onlyAHeldOrderCanAwaitAPaymentAndARequestedOneCannotBePaid() {
        assertThatThrownBy(() -> requested().claimPayment(NOW)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> requested().paid(NOW)).isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("REQUESTED");
        Order refunded = held();
        refunded.refundPending(NOW);
        assertThatThrownBy(() -> refunded.paid(NOW)).isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void aHeldOrderIsCancelledOnceButAPaidOneCannotBe() {
        Order order = held();
        assertThat(order.cancel(NOW)).isTrue();
        assertThat(order.cancel(NOW)).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);

        Order paid = held();
        paid.paid(NOW);
        assertThatThrownBy(() -> paid.cancel(NOW)).isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void anUnpaidHoldExpiresButAnOrderThatEndedOtherwiseStaysAsItIs() {
        Order pending = held();
        pending.claimPayment(NOW);
        assertThat(pending.expire(NOW)).isTrue();
        assertThat(pending.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(pending.paid(NOW)).as("late money that re-took the seats").isTrue();

        Order cancelled = held();
        cancelled.cancel(NOW);
        assertThat(cancelled.expire(NOW)).isFalse();
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aPendingPaymentExtendsTheHoldAndARepeatChangesNothing() {
        Order order = held();
        order.claimPayment(NOW);
        assertThat(order.extendHold(DEADLINE.plusSeconds(300), NOW)).isTrue();
        assertThat(order.extendHold(DEADLINE.plusSeconds(300), NOW)).isFalse();
        assertThat(order.holdDeadline()).isEqualTo(DEADLINE.plusSeconds(300));
    }

    private static Order held() {
        Order order = requested();
        order.hold(List.of("A1", "A2"), DEADLINE, NOW);
        return order;
    }
}
