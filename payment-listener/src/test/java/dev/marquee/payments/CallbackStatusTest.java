package dev.marquee.payments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "TRADE_SUCCESS, SUCCESS",
            "TRADE_FINISHED, SUCCESS",
            "succeeded, SUCCESS",
            "payment_intent.succeeded, SUCCESS",
            "TRADE_CLOSED, FAILURE",
            "TRADE_FAILED, FAILURE",
            "failed, FAILURE",
            "canceled, FAILURE",
            "payment_intent.payment_failed, FAILURE",
            "payment_intent.canceled, FAILURE",
            "WAIT_BUYER_PAY, PENDING",
            "processing, PENDING",
            "trade_success, PENDING",
            "'', PENDING"})
    void gatewayStatusesMeanSuccessFailureOrNothingYet(String raw, CallbackStatus expected) {
        assertThat(CallbackStatus.of(raw)).isEqualTo(expected);
    }
}
