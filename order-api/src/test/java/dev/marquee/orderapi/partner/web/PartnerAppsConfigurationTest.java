package dev.marquee.orderapi.partner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.util.Base64;

import dev.marquee.orderapi.partner.PartnerAppRegistry;
import dev.marquee.support.security.SecurityChainCustomizer;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Partner apps are on with a key, off (and saying so) without one, and a bad key stops the start with what to do. */
class PartnerAppsConfigurationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PartnerAppsConfiguration.class, PartnerAppsOff.class)
            .withBean(JdbcClient.class, () -> mock(JdbcClient.class))
            .withBean(RedissonClient.class, () -> mock(RedissonClient.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void withTheKeyTheFeatureIsOn() {
        context.withPropertyValues("marquee.partners.secret-key=" + Base64.getEncoder().encodeToString(new byte[32]))
                .run(started -> {
                    assertThat(started).hasSingleBean(PartnerAppRegistry.class);
                    assertThat(started).hasSingleBean(SecurityChainCustomizer.class);
                    assertThat(started).doesNotHaveBean(PartnerAppsOff.class);
                });
    }

    @Test
    void withoutItTheFeatureIsOff() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started).doesNotHaveBean(PartnerAppRegistry.class);
            assertThat(started).doesNotHaveBean(SecurityChainCustomizer.class);
            assertThat(started).hasSingleBean(PartnerAppsOff.class);
        });
    }

    @Test
    void aKeyThatIsNot32BytesStopsTheStartWithWhatToDo() {
        context.withPropertyValues("marquee.partners.secret-key=c2hvcnQ=").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("must be 32 bytes"));
    }
}
