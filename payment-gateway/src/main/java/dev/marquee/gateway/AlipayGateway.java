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
 * {@code notify_time} lies within {@code maxAge} of the clock, and the notice is ours: its {@code app_id} is our
 * application's and, when a seller id is configured, its {@code seller_id} our account's (Alipay's integration
 * rules: a notice signed by Alipay for another merchant's app must not pay our orders). The payment's time is
 * {@code gmt_payment} (the same on every resend; {@code notify_time} changes), or {@code notify_time} when absent.
 */
public final class AlipayGateway implements GatewayVerifier {

    private static final String DEFAULT_CURRENCY = "CNY";

    private final PublicKey gatewayPublicKey;
    private final String appId;
    private final String sellerId;
    private final Duration maxAge;
    private final Clock clock;

    /**
     * @param appId    our application's id at Alipay; notices for another app are refused
     * @param sellerId our seller account (Alipay's {@code seller_id}, 2088…); null or blank: not checked
     */
    public AlipayGateway(PublicKey gatewayPublicKey, String appId, String sellerId, Duration maxAge, Clock clock) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("alipay: the app id is required to verify notifications");
        }
        this.gatewayPublicKey = gatewayPublicKey;
        this.appId = appId;
        this.sellerId = sellerId == null || sellerId.isBlank() ? null : sellerId;
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
        checkOurs(field);
        String currency = field.optional("currency", DEFAULT_CURRENCY).toUpperCase(Locale.ROOT);
        String rawStatus = field.required("trade_status");
        Instant notifiedAt = time("notify_time", field.required("notify_time"));
        String gmtPayment = field.optional("gmt_payment", null);
        PaymentNotification verified = new PaymentNotification(name(), field.required("notify_id"),
                field.required("out_trade_no"), field.required("trade_no"), status(rawStatus), rawStatus,
                amount(field.required("total_amount"), currency), currency, notifiedAt,
                gmtPayment == null ? notifiedAt : time("gmt_payment", gmtPayment), params);
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

    private void checkOurs(Field field) {
        String theirs = field.required("app_id");
        if (!theirs.equals(appId)) {
            throw NotificationRejectedException.notOurs("app_id " + theirs + " is not ours");
        }
        if (sellerId != null && !sellerId.equals(field.optional("seller_id", ""))) {
            throw NotificationRejectedException.notOurs("seller_id " + field.optional("seller_id", "(none)")
                    + " is not ours");
        }
    }

    private static Instant time(String name, String text) {
        try {
            return AlipayTime.parse(text);
        } catch (DateTimeException e) {
            throw NotificationRejectedException.malformed("bad " + name + " " + text);
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
