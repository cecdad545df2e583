package dev.marquee.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Map;

import dev.marquee.gateway.GatewayKeys;
import org.junit.jupiter.api.Test;

class StandaloneSimulatorTest {

    private final KeyPair alipay = GatewayKeys.generateRsa();

    @Test
    void readsItsKeysPortAndMerchantFromTheEnvironment() {
        SimulatorSettings settings = StandaloneSimulator.settings(Map.of(
                "SIMULATOR_ALIPAY_PRIVATE_KEY", GatewayKeys.encode(alipay.getPrivate()),
                "SIMULATOR_STRIPE_WEBHOOK_SECRET", "whsec_demo",
                "SIMULATOR_PORT", "18090",
                "SIMULATOR_ALIPAY_APP_ID", "2021000000000042",
                "SIMULATOR_ALIPAY_SELLER_ID", ""));

        assertThat(settings.port()).isEqualTo(18090);
        assertThat(settings.alipayPrivateKey()).isEqualTo(alipay.getPrivate());
        assertThat(settings.stripeWebhookSecret()).isEqualTo("whsec_demo");
        assertThat(settings.alipayAppId()).isEqualTo("2021000000000042");
        assertThat(settings.alipaySellerId()).isEqualTo(SimulatorSettings.DEFAULT_ALIPAY_SELLER_ID);
    }

    @Test
    void aMissingSecretIsNamed() {
        assertThatThrownBy(() -> StandaloneSimulator.settings(Map.of(
                "SIMULATOR_ALIPAY_PRIVATE_KEY", GatewayKeys.encode(alipay.getPrivate()),
                "SIMULATOR_STRIPE_WEBHOOK_SECRET", " ")))
                .hasMessageContaining("SIMULATOR_STRIPE_WEBHOOK_SECRET");
    }
}
