package dev.marquee.orderapi.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PaymentTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void aPaidPaymentIgnoresALateFailureNotice() {
        Payment payment = started();
        payment.claimed(NOW);
        payment.paid("T1", false, NOW);
        payment.failed("T1", "TRADE_FAILED", false, NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(payment.tradeNo()).isEqualTo("T1");
        assertThat(payment.reason()).isNull();
    }

    @Test
    void aFailedTradeThatSucceedsAfterwardsIsPaid() {
        Payment payment = started();
        payment.failed("T1", "TRADE_FAILED", false, NOW);
        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);

        payment.paid("T1", true, NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(payment.retaken()).isTrue();
    }

    @Test
    void aRefundOfAnotherTradeLeavesAPaidPaymentPaidButItsOwnRefundGoesThrough() {
        Payment paid = started();
        paid.paid("T1", false, NOW);
        paid.refundPending("T2", "DUPLICATE_PAYMENT", NOW);
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);

        Payment late = started();
        late.refundPending("T3", "SEATS_GONE", NOW);
        late.refunded(NOW);
        late.paid("T3", false, NOW);
        assertThat(late.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(late.reason()).isEqualTo("SEATS_GONE");
    }

    @Test
    void aMismatchedAmountIsFlaggedNotPaid() {
        Payment payment = started();
        payment.failed("T1", "AMOUNT_MISMATCH", true, NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.FLAGGED);
    }

    private static Payment started() {
        return new Payment("p-1", "o-1", "alipay", 12000, "CNY", NOW);
    }
}
