package dev.marquee.payments;

import java.util.Map;

/**
 * What a gateway's raw trade status means for the order, in one place: Alipay's {@code TRADE_*} statuses and
 * Stripe's payment-intent statuses and event types. A status not listed (e.g. {@code WAIT_BUYER_PAY}) says the
 * trade is not final yet; such callbacks change nothing.
 */
public enum CallbackStatus {
    SUCCESS, FAILURE, PENDING;

    private static final Map<String, CallbackStatus> KNOWN = Map.of(
            "TRADE_SUCCESS", SUCCESS,
            "TRADE_FINISHED", SUCCESS,
            "succeeded", SUCCESS,
            "payment_intent.succeeded", SUCCESS,
            "TRADE_CLOSED", FAILURE,
            "TRADE_FAILED", FAILURE,
            "failed", FAILURE,
            "canceled", FAILURE,
            "payment_intent.payment_failed", FAILURE,
            "payment_intent.canceled", FAILURE);

    public static CallbackStatus of(String tradeStatus) {
        return KNOWN.getOrDefault(tradeStatus, PENDING);
    }
}
