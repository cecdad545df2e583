package dev.marquee.gateway.simulator;

import java.net.URI;
import java.util.Currency;
import java.util.Objects;

/**
 * A customer paying a merchant's order through the simulator.
 *
 * @param gateway     {@code alipay} or {@code stripe}
 * @param outTradeNo  the merchant's order number
 * @param amountMinor the amount in the currency's minor units, positive
 * @param currency    ISO 4217 code
 * @param notifyUrl   where the merchant takes notifications (http or https)
 * @param faults      what goes wrong with the notifications; {@code null} for the simulator's defaults
 */
public record PayRequest(String gateway, String outTradeNo, long amountMinor, String currency, URI notifyUrl,
        Outcome outcome, Faults faults) {

    public PayRequest {
        Objects.requireNonNull(gateway, "gateway");
        if (outTradeNo == null || outTradeNo.isBlank()) {
            throw new IllegalArgumentException("out_trade_no is required");
        }
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amountMinor);
        }
        currency = Currency.getInstance(currency).getCurrencyCode();
        Objects.requireNonNull(notifyUrl, "notifyUrl");
        if (!notifyUrl.isAbsolute() || !notifyUrl.getScheme().matches("https?")) {
            throw new IllegalArgumentException("notify_url must be an absolute http(s) URL: " + notifyUrl);
        }
        Objects.requireNonNull(outcome, "outcome");
    }
}
