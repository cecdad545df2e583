package dev.marquee.gateway;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlipayGatewayTest {

    private static final KeyPair ALIPAY = GatewayKeys.generateRsa();
    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");  // 10:00 in Beijing
    private static final String APP_ID = "2021000000000001";
    private static final String SELLER_ID = "2088000000000002";

    private final AlipaySigner signer = new AlipaySigner(ALIPAY.getPrivate());
    private final AlipayGateway gateway = gatewayAt(NOW);

    @Test
    void signingStringSortsKeysAndLeavesOutTheSignatureAndEmptyValues() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("trade_status", "TRADE_SUCCESS");
        params.put("sign", "c2lnbg==");
        params.put("app_id", "2021000000000001");
        params.put("subject", "");
        params.put("total_amount", "12.50");
        params.put("sign_type", "RSA2");
        params.put("body", "2 seats & popcorn");
        params.put("Z_upper", "before lower case");

        assertThat(AlipaySigner.signingString(params)).isEqualTo(
                "Z_upper=before lower case&app_id=2021000000000001&body=2 seats & popcorn"
                        + "&total_amount=12.50&trade_status=TRADE_SUCCESS");
    }

    @Test
    void formEncodesInUtf8() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("subject", "影票 2张");
        params.put("notify_time", "2026-11-21 10:00:00");

        assertThat(new String(AlipaySigner.formEncode(params)))
                .isEqualTo("subject=%E5%BD%B1%E7%A5%A8+2%E5%BC%A0&notify_time=2026-11-21+10%3A00%3A00");
    }

    @Test
    void signAddsTheSignatureAndLeavesTheInputAlone() {
        Map<String, String> params = notification();

        Map<String, String> signed = signer.sign(params);

        assertThat(signed).containsEntry("sign_type", "RSA2").containsKey("sign").containsAllEntriesOf(params);
        assertThat(params).doesNotContainKeys("sign", "sign_type");
    }

    @Test
    void verifiesWhatTheGatewaySigned() {
        Map<String, String> signed = signer.sign(notification());

        PaymentNotification verified = gateway.verify(form(signed));

        assertThat(verified).isEqualTo(new PaymentNotification("alipay", "ntf-0001", "M-42", "2026112122001400001",
                TradeStatus.SUCCESS, "TRADE_SUCCESS", 1250, "CNY", NOW, NOW.minusSeconds(2), signed));
    }

    @Test
    void thePaymentsTimeIsGmtPaymentOnEveryResend() {
        Map<String, String> resend = notification();
        resend.put("notify_time", "2026-11-21 10:04:00");

        PaymentNotification verified = gatewayAt(NOW.plus(Duration.ofMinutes(4))).verify(form(signer.sign(resend)));

        assertThat(verified.notifiedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
        assertThat(verified.paidAt()).isEqualTo(Instant.parse("2026-11-21T01:59:58Z"));
    }

    @Test
    void withoutGmtPaymentThePaymentsTimeIsTheNotifyTime() {
        Map<String, String> params = notification();
        params.remove("gmt_payment");

        assertThat(gateway.verify(form(signer.sign(params))).paidAt()).isEqualTo(NOW);
    }

    @Test
    void refusesANoticeForAnotherApp() {
        Map<String, String> params = notification();
        params.put("app_id", "2021000000009999");

        assertRejected(form(signer.sign(params)), "notification-not-ours");
    }

    @Test
    void refusesANoticeForAnotherSellerOrNone() {
        Map<String, String> other = notification();
        other.put("seller_id", "2088000000009999");
        Map<String, String> none = notification();
        none.remove("seller_id");

        assertRejected(form(signer.sign(other)), "notification-not-ours");
        assertRejected(form(signer.sign(none)), "notification-not-ours");
    }

    @Test
    void checksNoSellerWhenNoneIsConfigured() {
        Map<String, String> params = notification();
        params.put("seller_id", "2088000000009999");
        AlipayGateway anySeller = new AlipayGateway(ALIPAY.getPublic(), APP_ID, "", Duration.ofMinutes(5),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(anySeller.verify(form(signer.sign(params))).notifyId()).isEqualTo("ntf-0001");
    }

    @ParameterizedTest
    @CsvSource({"TRADE_SUCCESS, SUCCESS", "TRADE_FINISHED, SUCCESS", "TRADE_CLOSED, FAILED", "WAIT_BUYER_PAY, PENDING"})
    void mapsAlipaysTradeStatus(String tradeStatus, TradeStatus status) {
        Map<String, String> params = notification();
        params.put("trade_status", tradeStatus);

        assertThat(gateway.verify(form(signer.sign(params))).status()).isEqualTo(status);
    }

    @Test
    void readsTheAmountInTheNotifiedCurrency() {
        Map<String, String> params = notification();
        params.put("currency", "JPY");
        params.put("total_amount", "1800");

        PaymentNotification verified = gateway.verify(form(signer.sign(params)));

        assertThat(verified.amountMinor()).isEqualTo(1800);
        assertThat(verified.currency()).isEqualTo("JPY");
    }

    @Test
    void refusesATamperedAmount() {
        Map<String, String> signed = signer.sign(notification());
        signed.put("total_amount", "0.01");

        assertRejected(form(signed), "signature-invalid");
    }

    @Test
    void refusesASignatureMadeWithAnotherKey() {
        AlipaySigner impostor = new AlipaySigner(GatewayKeys.generateRsa().getPrivate());

        assertRejected(form(impostor.sign(notification())), "signature-invalid");
    }

    @Test
    void refusesAnUnsignedOrGarbledSignature() {
        assertRejected(form(notification()), "signature-invalid");
        Map<String, String> garbled = signer.sign(notification());
        garbled.put("sign", "not*base64");
        assertRejected(form(garbled), "signature-invalid");
    }

    @Test
    void checksTheSignatureBeforeTheFields() {
        Map<String, String> params = notification();
        params.remove("trade_no");
        params.put("notify_time", "2020-01-01 00:00:00");

        assertRejected(form(params), "signature-invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"notify_id", "notify_time", "out_trade_no", "trade_no", "total_amount", "trade_status"})
    void refusesANotificationWithoutARequiredField(String field) {
        Map<String, String> params = notification();
        params.remove(field);

        assertRejected(form(signer.sign(params)), "notification-malformed");
    }

    @ParameterizedTest
    @CsvSource({"trade_status, TRADE_REFUNDED", "total_amount, 12.505", "total_amount, -12.50",
            "notify_time, 2026-11-21T10:00:00", "currency, XYZ"})
    void refusesUnreadableFields(String field, String value) {
        Map<String, String> params = notification();
        params.put(field, value);

        assertRejected(form(signer.sign(params)), "notification-malformed");
    }

    @Test
    void takesABodyWithoutContentTypeAsAForm() {
        byte[] body = AlipaySigner.formEncode(signer.sign(notification()));

        assertThat(gateway.verify(new InboundNotification("", Map.of(), body)).notifyId()).isEqualTo("ntf-0001");
        assertThat(gateway.verify(new InboundNotification(null, Map.of(), body)).notifyId()).isEqualTo("ntf-0001");
    }

    @Test
    void refusesABodyThatIsNoForm() {
        InboundNotification json = new InboundNotification("application/json", Map.of(), "{}".getBytes());

        assertRejected(json, "notification-malformed");
    }

    @Test
    void acceptsNotificationsWithinMaxAgeEitherWay() {
        InboundNotification signed = form(signer.sign(notification()));

        assertThat(gatewayAt(NOW.plus(Duration.ofMinutes(5))).verify(signed).notifyId()).isEqualTo("ntf-0001");
        assertThat(gatewayAt(NOW.minus(Duration.ofMinutes(5))).verify(signed).notifyId()).isEqualTo("ntf-0001");
    }

    @Test
    void refusesNotificationsOlderOrFurtherAheadThanMaxAge() {
        InboundNotification signed = form(signer.sign(notification()));

        assertRejected(gatewayAt(NOW.plus(Duration.ofMinutes(5).plusSeconds(1))), signed, "notification-stale");
        assertRejected(gatewayAt(NOW.minus(Duration.ofMinutes(5).plusSeconds(1))), signed, "notification-stale");
    }

    private static Map<String, String> notification() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("notify_id", "ntf-0001");
        params.put("notify_time", "2026-11-21 10:00:00");
        params.put("notify_type", "trade_status_sync");
        params.put("app_id", APP_ID);
        params.put("seller_id", SELLER_ID);
        params.put("out_trade_no", "M-42");
        params.put("trade_no", "2026112122001400001");
        params.put("total_amount", "12.50");
        params.put("trade_status", "TRADE_SUCCESS");
        params.put("gmt_payment", "2026-11-21 09:59:58");
        return params;
    }

    private static InboundNotification form(Map<String, String> params) {
        return new InboundNotification("application/x-www-form-urlencoded; charset=utf-8", Map.of(),
                AlipaySigner.formEncode(params));
    }

    private static AlipayGateway gatewayAt(Instant now) {
        return new AlipayGateway(ALIPAY.getPublic(), APP_ID, SELLER_ID, Duration.ofMinutes(5),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private void assertRejected(InboundNotification notification, String code) {
        assertRejected(gateway, notification, code);
    }

    private static void assertRejected(AlipayGateway gateway, InboundNotification notification, String code) {
        assertThatThrownBy(() -> gateway.verify(notification))
                .isInstanceOfSatisfying(NotificationRejectedException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
