package dev.marquee.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripeGatewayTest {

    private static final String SECRET = "whsec_test_marquee";
    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    private static final long T = NOW.getEpochSecond();

    private final StripeSigner signer = new StripeSigner(SECRET);
    private final StripeGateway gateway = gatewayAt(NOW);

    @Test
    void signsTheTimestampDotBodyWithHmacSha256() {
        // HMAC-SHA256("secret", "1.{}"), computed independently with openssl
        assertThat(new StripeSigner("secret").signatureHeader(1, "{}".getBytes(UTF_8)))
                .isEqualTo("t=1,v1=1122767b193110cfec322b6f199b599edbf608ed087f2d27afb0b97d99523908");
    }

    @Test
    void verifiesWhatTheGatewaySigned() {
        byte[] body = event("payment_intent.succeeded", 1250, "cny");

        PaymentNotification verified = gateway.verify(signed(body, signer.signatureHeader(T, body)));

        assertThat(verified).isEqualTo(new PaymentNotification("stripe", "evt_1", "M-42", "pi_1",
                TradeStatus.SUCCESS, "payment_intent.succeeded", 1250, "CNY", Instant.ofEpochSecond(T - 3),
                Instant.ofEpochSecond(T - 3), Map.of("id", "evt_1", "type", "payment_intent.succeeded", "created", Long.toString(T - 3),
                        "payment_intent", "pi_1", "amount", "1250", "currency", "CNY", "out_trade_no", "M-42")));
    }

    @ParameterizedTest
    @CsvSource({"payment_intent.succeeded, SUCCESS", "payment_intent.payment_failed, FAILED",
            "payment_intent.canceled, FAILED"})
    void mapsTheEventType(String type, TradeStatus status) {
        byte[] body = event(type, 1250, "cny");

        assertThat(gateway.verify(signed(body, signer.signatureHeader(T, body))).status()).isEqualTo(status);
    }

    @Test
    void acceptsAnyMatchingV1AmongSeveral() {
        byte[] body = event("payment_intent.succeeded", 1250, "cny");
        String other = new StripeSigner("whsec_rolled_over").signatureHeader(T, body).split(",")[1];
        String header = "t=" + T + "," + other + "," + signer.signatureHeader(T, body).split(",")[1] + ",v0=ignored";

        assertThat(gateway.verify(signed(body, header)).notifyId()).isEqualTo("evt_1");
    }

    @Test
    void refusesATamperedBody() {
        byte[] body = event("payment_intent.succeeded", 1250, "cny");
        byte[] tampered = event("payment_intent.succeeded", 1, "cny");

        assertRejected(signed(tampered, signer.signatureHeader(T, body)), "signature-invalid");
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        byte[] body = event("payment_intent.succeeded", 1250, "cny");

        assertRejected(signed(body, new StripeSigner("whsec_other").signatureHeader(T, body)), "signature-invalid");
    }

    @Test
    void refusesAShiftedTimestamp() {
        byte[] body = event("payment_intent.succeeded", 1250, "cny");
        String header = signer.signatureHeader(T, body).replace("t=" + T, "t=" + (T + 1));

        assertRejected(signed(body, header), "signature-invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "t=1", "v1=00ff", "t=abc,v1=00ff", "garbage"})
    void refusesAMissingOrUnreadableHeader(String header) {
        byte[] body = event("payment_intent.succeeded", 1250, "cny");

        assertRejected(signed(body, header), "signature-invalid");
        assertRejected(new InboundNotification("application/json", Map.of(), body), "signature-invalid");
    }

    @Test
    void refusesSignaturesOutsideTheTolerance() {
        byte[] body = event("payment_intent.succeeded", 1250, "cny");

        assertRejected(signed(body, signer.signatureHeader(T - 301, body)), "notification-stale");
        assertRejected(signed(body, signer.signatureHeader(T + 301, body)), "notification-stale");
        assertThat(gateway.verify(signed(body, signer.signatureHeader(T - 300, body))).notifyId()).isEqualTo("evt_1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\",\"created\":1,\"data\":{\"object\":{\"id\":\"pi_1\",\"amount\":1,\"currency\":\"cny\",\"metadata\":{}}}}",
            "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\",\"created\":1,\"data\":{\"object\":{\"id\":\"pi_1\",\"amount\":\"1\",\"currency\":\"cny\",\"metadata\":{\"out_trade_no\":\"M-42\"}}}}",
            "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\",\"created\":1,\"data\":{\"object\":{\"id\":\"pi_1\",\"amount\":1.5,\"currency\":\"cny\",\"metadata\":{\"out_trade_no\":\"M-42\"}}}}",
            "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\",\"created\":1,\"data\":{\"object\":{\"id\":\"pi_1\",\"amount\":1,\"currency\":\"xyz\",\"metadata\":{\"out_trade_no\":\"M-42\"}}}}",
            "{\"type\":\"payment_intent.succeeded\",\"created\":1,\"data\":{\"object\":{\"id\":\"pi_1\",\"amount\":1,\"currency\":\"cny\",\"metadata\":{\"out_trade_no\":\"M-42\"}}}}"})
    void refusesSignedEventsItCannotRead(String json) {
        byte[] body = json.getBytes(UTF_8);

        assertRejected(signed(body, signer.signatureHeader(T, body)), "notification-malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"charge.succeeded", "charge.refunded", "payment_intent.created", "customer.created"})
    void ignoresAuthenticEventsOfTypesItDoesNotHandle(String type) {
        byte[] charge = ("{\"id\":\"evt_9\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":" + T
                + ",\"data\":{\"object\":{\"id\":\"ch_1\",\"object\":\"charge\"}}}").getBytes(UTF_8);

        assertThatThrownBy(() -> gateway.verify(signed(charge, signer.signatureHeader(T, charge))))
                .isInstanceOfSatisfying(NotificationIgnoredException.class,
                        e -> assertThat(e.eventType()).isEqualTo(type));
        assertRejected(signed(charge, new StripeSigner("whsec_other").signatureHeader(T, charge)),
                "signature-invalid");
    }

    private static byte[] event(String type, long amount, String currency) {
        return ("{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":" + (T - 3)
                + ",\"data\":{\"object\":{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"amount\":" + amount
                + ",\"currency\":\"" + currency + "\",\"metadata\":{\"out_trade_no\":\"M-42\"}}}}").getBytes(UTF_8);
    }

    private static InboundNotification signed(byte[] body, String header) {
        return new InboundNotification("application/json", Map.of(StripeSigner.HEADER, header), body);
    }

    private static StripeGateway gatewayAt(Instant now) {
        return new StripeGateway(SECRET, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    private void assertRejected(InboundNotification notification, String code) {
        assertThatThrownBy(() -> gateway.verify(notification))
                .isInstanceOfSatisfying(NotificationRejectedException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
