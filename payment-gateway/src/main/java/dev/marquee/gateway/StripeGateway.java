package dev.marquee.gateway;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies Stripe webhooks about payment intents. Checks, in order: a {@code v1} signature in the
 * {@code Stripe-Signature} header matches (compared in constant time), its timestamp lies within {@code tolerance} of
 * the clock, and the JSON event is one of {@code payment_intent.succeeded}, {@code payment_intent.payment_failed} or
 * {@code payment_intent.canceled} with the payment intent's id, amount, currency and {@code metadata.out_trade_no}.
 * An authentic event of any other type (an endpoint receives whatever its account subscribes to, e.g.
 * {@code charge.succeeded}) is {@linkplain NotificationIgnoredException ignored}, to be acknowledged: Stripe retries
 * non-2xx answers for days and disables endpoints that keep failing.
 */
public final class StripeGateway implements GatewayVerifier {

    private static final ObjectMapper JSON = JsonMapper.builderWithJackson2Defaults().build();

    private final StripeSigner signer;
    private final Duration tolerance;
    private final Clock clock;

    public StripeGateway(String webhookSecret, Duration tolerance, Clock clock) {
        this.signer = new StripeSigner(webhookSecret);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public PaymentNotification verify(InboundNotification notification) {
        String header = notification.header(StripeSigner.HEADER)
                .orElseThrow(() -> NotificationRejectedException.signatureInvalid("no " + StripeSigner.HEADER));
        StripeSignatureHeader signature = StripeSignatureHeader.parse(header);
        checkSignature(signature, notification.body());
        checkFresh(signature.timestamp());
        return notification(event(notification.body()));
    }

    private void checkSignature(StripeSignatureHeader signature, byte[] body) {
        byte[] expected = signer.mac(signature.timestamp(), body);
        boolean matched = false;
        for (byte[] candidate : signature.v1()) {
            matched |= MessageDigest.isEqual(expected, candidate);
        }
        if (!matched) {
            throw NotificationRejectedException.signatureInvalid("no v1 signature matches");
        }
    }

    private void checkFresh(long timestamp) {
        Duration skew = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant());
        if (skew.abs().compareTo(tolerance) > 0) {
            throw NotificationRejectedException.stale("signed at " + timestamp + ", " + skew + " from now");
        }
    }

    private static JsonNode event(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw NotificationRejectedException.malformed("unreadable JSON: " + e.getMessage());
        }
    }

    private PaymentNotification notification(JsonNode event) {
        JsonNode intent = event.path("data").path("object");
        String eventId = text(event, "id");
        String type = text(event, "type");
        TradeStatus status = status(type, eventId);
        long created = number(event, "created");
        String intentId = text(intent, "id");
        long amount = number(intent, "amount");
        String currency = currency(text(intent, "currency"));
        String outTradeNo = text(intent.path("metadata"), "out_trade_no");

        Map<String, String> params = new LinkedHashMap<>();
        params.put("id", eventId);
        params.put("type", type);
        params.put("created", Long.toString(created));
        params.put("payment_intent", intentId);
        params.put("amount", Long.toString(amount));
        params.put("currency", currency);
        params.put("out_trade_no", outTradeNo);
        Instant at = Instant.ofEpochSecond(created);
        return new PaymentNotification(name(), eventId, outTradeNo, intentId, status, type, amount, currency, at, at,
                params);
    }

    private TradeStatus status(String type, String eventId) {
        return switch (type) {
            case "payment_intent.succeeded" -> TradeStatus.SUCCESS;
            case "payment_intent.payment_failed", "payment_intent.canceled" -> TradeStatus.FAILED;
            default -> throw new NotificationIgnoredException(name(), type, eventId);
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw NotificationRejectedException.malformed("missing " + field);
        }
        return value.asString();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw NotificationRejectedException.malformed("missing or bad " + field);
        }
        return value.asLong();
    }

    private static String currency(String code) {
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw NotificationRejectedException.malformed("unknown currency " + code);
        }
    }
}
