package dev.marquee.payments;

/** Why a trade did not simply pay its order; stable codes carried by PaymentFailed and RefundRequested. */
public enum SettlementReason {
    TRADE_FAILED, UNKNOWN_ORDER, CURRENCY_MISMATCH, AMOUNT_MISMATCH, DUPLICATE_PAYMENT, ORDER_NOT_HELD, SEATS_GONE
}
