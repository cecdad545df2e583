package dev.marquee.gateway;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A notification whose signature and freshness were verified, in gateway-neutral terms.
 *
 * @param gateway     the verifier's {@link GatewayVerifier#name()}
 * @param notifyId    the gateway's id of this notification; stable across its resends, so the key for idempotency
 * @param outTradeNo  our order's trade number as the merchant gave it to the gateway
 * @param tradeNo     the gateway's own trade (or payment intent) id
 * @param rawStatus   the gateway's status word, e.g. {@code TRADE_SUCCESS} or {@code payment_intent.succeeded}
 * @param amountMinor the amount in the currency's minor units
 * @param currency    ISO 4217 code, upper case
 * @param notifiedAt  when the gateway sent this notification (a resend may carry a later time)
 * @param paidAt      when the gateway says the money moved (Alipay's {@code gmt_payment}, Stripe's event
 *                    {@code created}); the same on every resend. Lateness is judged by it, never by when we
 *                    process the notification
 * @param params      the fields received, for logging and audit
 */
public record PaymentNotification(String gateway, String notifyId, String outTradeNo, String tradeNo,
        TradeStatus status, String rawStatus, long amountMinor, String currency, Instant notifiedAt,
        Instant paidAt, Map<String, String> params) {

    public PaymentNotification {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(notifyId, "notifyId");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(tradeNo, "tradeNo");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(notifiedAt, "notifiedAt");
        Objects.requireNonNull(paidAt, "paidAt");
        params = Map.copyOf(params);
    }
}
