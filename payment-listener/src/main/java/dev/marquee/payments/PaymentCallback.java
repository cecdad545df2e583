package dev.marquee.payments;

import java.time.Instant;

/**
 * A gateway's verified word about one trade (order-api checked its signature and found the order of the payment).
 * Gateways repeat, delay and reorder these; {@code gateway} and {@code tradeNo} name the trade.
 *
 * @param paidAt when the gateway says the money moved (Alipay's gmt_payment, Stripe's event time): whether money is
 *               late is judged by it, never by when the callback is processed
 */
public record PaymentCallback(String orderId, String paymentId, String gateway, String notifyId, String tradeNo,
                              String tradeStatus, long amountMinor, String currency, Instant notifiedAt,
                              Instant paidAt) {

    public CallbackStatus status() {
        return CallbackStatus.of(tradeStatus);
    }

    boolean concerns(Trade trade) {
        return trade.gateway().equals(gateway) && trade.tradeNo().equals(tradeNo);
    }
}
