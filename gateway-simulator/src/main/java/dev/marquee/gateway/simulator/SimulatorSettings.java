package dev.marquee.gateway.simulator;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link GatewaySimulator} runs.
 *
 * @param port                port to listen on; 0 picks a free one
 * @param alipayPrivateKey    signs Alipay-style notifications; merchants verify with its public half
 * @param stripeWebhookSecret signs Stripe-style webhooks
 * @param defaults            faults for trades that name none
 * @param resendSchedule      waits between an unacknowledged delivery and its next try; when exhausted, given up
 * @param timeScale           multiplies every wait (resends and fault delays), e.g. 0.001 in tests
 * @param alipayAppId         the merchant's app id that Alipay-style notifications carry ({@code app_id})
 * @param alipaySellerId      the merchant's seller account they carry ({@code seller_id})
 */
public record SimulatorSettings(int port, PrivateKey alipayPrivateKey, String stripeWebhookSecret,
        Faults defaults, List<Duration> resendSchedule, double timeScale, String alipayAppId, String alipaySellerId) {

    /** The app id a simulator signs for unless told otherwise (Alipay's sandbox style). */
    public static final String DEFAULT_ALIPAY_APP_ID = "2021000000000001";
    /** The seller account a simulator signs for unless told otherwise. */
    public static final String DEFAULT_ALIPAY_SELLER_ID = "2088000000000001";

    /** Alipay's: 4m, 10m, 10m, 1h, 2h, 6h, 15h, so eight tries in about 25 hours counting the first. */
    public static final List<Duration> ALIPAY_RESEND_SCHEDULE = List.of(Duration.ofMinutes(4),
            Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(6), Duration.ofHours(15));

    public SimulatorSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("no such port: " + port);
        }
        Objects.requireNonNull(alipayPrivateKey, "alipayPrivateKey");
        Objects.requireNonNull(stripeWebhookSecret, "stripeWebhookSecret");
        defaults = defaults == null ? Faults.none() : defaults;
        resendSchedule = List.copyOf(resendSchedule);
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale must be positive: " + timeScale);
        }
        Objects.requireNonNull(alipayAppId, "alipayAppId");
        Objects.requireNonNull(alipaySellerId, "alipaySellerId");
    }

    /** A free port, no faults, Alipay's resend schedule in real time. */
    public static SimulatorSettings of(PrivateKey alipayPrivateKey, String stripeWebhookSecret) {
        return new SimulatorSettings(0, alipayPrivateKey, stripeWebhookSecret, Faults.none(),
                ALIPAY_RESEND_SCHEDULE, 1.0, DEFAULT_ALIPAY_APP_ID, DEFAULT_ALIPAY_SELLER_ID);
    }

    public SimulatorSettings withPort(int port) {
        return new SimulatorSettings(port, alipayPrivateKey, stripeWebhookSecret, defaults, resendSchedule, timeScale,
                alipayAppId, alipaySellerId);
    }

    public SimulatorSettings withDefaults(Faults defaults) {
        return new SimulatorSettings(port, alipayPrivateKey, stripeWebhookSecret, defaults, resendSchedule, timeScale,
                alipayAppId, alipaySellerId);
    }

    public SimulatorSettings withResendSchedule(List<Duration> resendSchedule) {
        return new SimulatorSettings(port, alipayPrivateKey, stripeWebhookSecret, defaults, resendSchedule, timeScale,
                alipayAppId, alipaySellerId);
    }

    public SimulatorSettings withTimeScale(double timeScale) {
        return new SimulatorSettings(port, alipayPrivateKey, stripeWebhookSecret, defaults, resendSchedule, timeScale,
                alipayAppId, alipaySellerId);
    }

    /** The merchant Alipay-style notifications are for: {@code app_id} and {@code seller_id}. */
    public SimulatorSettings withAlipayMerchant(String appId, String sellerId) {
        return new SimulatorSettings(port, alipayPrivateKey, stripeWebhookSecret, defaults, resendSchedule, timeScale,
                appId, sellerId);
    }

    /** The duration as this simulator waits it. */
    Duration scaled(Duration duration) {
        return Duration.ofNanos(Math.round(duration.toNanos() * timeScale));
    }
}
