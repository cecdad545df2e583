package dev.marquee.gateway;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Verifies Alipay's asynchronous trade notifications: a form post signed RSA2 with Alipay's private key. Checks, in
 * order: the form reads, the signature verifies with Alipay's public key, the fields are complete, and
 * {@code notify_time} lies within {@code maxAge} of the clock. {@code app_id} is passed on in the params, not checked.
 */
public final class AlipayGateway implements GatewayVerifier {

    private static final String DEFAULT_CURRENCY = "CNY";

    private final PublicKey gatewayPublicKey;
    private final Duration maxAge;
    private final Clock clock;

    public AlipayGateway(PublicKey gatewayPublicKey, Duration maxAge, Clock clock) {
        this.gatewayPublicKey = gatewayPublicKey;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alipay";
    }

    @Override
    public PaymentNotification verify(InboundNotification notification) {
        Map<String, String> params = form(notification);
        checkSignature(params);
        Field field = new Field(params);
        String currency = field.optional("currency", DEFAULT_CURRENCY).toUpperCase(Locale.ROOT);
        String rawStatus = field.required("trade_status");
        PaymentNotification verified = new PaymentNotification(name(), field.required("notify_id"),
                field.required("out_trade_no"), field.required("trade_no"), status(rawStatus), rawStatus,
                amount(field.required("total_amount"), currency), currency, notifyTime(field.required("notify_time")),
                params);
        checkFresh(verified.notifiedAt());
        return verified;
    }

    private static Map<String, String> form(InboundNotification notification) {
        String type = notification.contentType();
        if (type != null && !type.isBlank()
                && !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw NotificationRejectedException.malformed("expected a form post, got " + type);
        }
        try {
            return FormBody.decode(notification.body());
        } catch (IllegalArgumentException e) {
            throw NotificationRejectedException.malformed("unreadable form: " + e.getMessage());
        }
    }

    private void checkSignature(Map<String, String> params) {
        String sign = params.get(AlipaySigner.SIGN);
        if (sign == null || sign.isEmpty() || !AlipaySigner.RSA2.equals(params.get(AlipaySigner.SIGN_TYPE))) {
            throw NotificationRejectedException.signatureInvalid("no RSA2 signature");
        }
        try {
            Signature rsa = Signature.getInstance(AlipaySigner.ALGORITHM);
            rsa.initVerify(gatewayPublicKey);
            rsa.update(AlipaySigner.signingString(params).getBytes(UTF_8));
            if (!rsa.verify(Base64.getDecoder().decode(sign))) {
                throw NotificationRejectedException.signatureInvalid("signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw NotificationRejectedException.signatureInvalid("signature unreadable: " + e.getMessage());
        }
    }

    private static TradeStatus status(String tradeStatus) {
        return switch (tradeStatus) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> TradeStatus.SUCCESS;
            case "TRADE_CLOSED" -> TradeStatus.FAILED;
            case "WAIT_BUYER_PAY" -> TradeStatus.PENDING;
            default -> throw NotificationRejectedException.malformed("unknown trade_status " + tradeStatus);
        };
    }

    private static long amount(String totalAmount, String currency) {
        try {
            return Money.toMinor(totalAmount, currency);
        } catch (IllegalArgumentException e) {
            throw NotificationRejectedException.malformed("bad total_amount: " + e.getMessage());
        }
    }

    private static Instant notifyTime(String text) {
        try {
            return AlipayTime.parse(text);
        } catch (DateTimeException e) {
            throw NotificationRejectedException.malformed("bad notify_time " + text);
        }
    }

    private void checkFresh(Instant notifiedAt) {
        Duration age = Duration.between(notifiedAt, clock.instant());
        if (age.abs().compareTo(maxAge) > 0) {
            throw NotificationRejectedException.stale("notify_time " + notifiedAt + " is " + age + " from now");
        }
    }

    private record Field(Map<String, String> params) {

        String required(String name) {
            String value = params.get(name);
            if (value == null || value.isBlank()) {
                throw NotificationRejectedException.malformed("missing " + name);
            }
            return value;
        }

        String optional(String name, String fallback) {
            String value = params.get(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
