package dev.marquee.orderapi.partner.web;

import java.time.Clock;

import dev.marquee.orderapi.partner.NonceStore;
import dev.marquee.orderapi.partner.PartnerAppRegistry;
import dev.marquee.orderapi.partner.PartnerApps;
import dev.marquee.orderapi.partner.SecretCipher;
import dev.marquee.orderapi.partner.SignatureCheck;
import dev.marquee.orderapi.partner.VerifiedApps;
import dev.marquee.orderapi.partner.persistence.JdbcPartnerApps;
import dev.marquee.orderapi.partner.persistence.RedisNonces;
import dev.marquee.support.security.Revocations;
import dev.marquee.support.security.SecurityChainCustomizer;
import org.redisson.api.RedissonClient;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * Partner apps, on when {@code marquee.partners.secret-key} (base64 of 32 bytes, the key their secrets are sealed
 * with) is set: the signature filter in the security chain, the admin and token endpoints. Without the key the
 * feature is off and says so at start: signed requests are then refused as unauthenticated.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "marquee.partners", name = "secret-key")
@EnableConfigurationProperties(PartnerProperties.class)
class PartnerAppsConfiguration {

    @Bean
    PartnerApps partnerApps(JdbcClient jdbc, PartnerProperties partners, Clock clock) {
        return new JdbcPartnerApps(jdbc, SecretCipher.fromBase64(partners.secretKey()), clock);
    }

    @Bean
    VerifiedApps verifiedApps(PartnerApps apps, Clock clock) {
        return new VerifiedApps(apps, clock);
    }

    @Bean
    PartnerAppRegistry partnerAppRegistry(PartnerApps apps, VerifiedApps verified, Clock clock,
                                          ObjectProvider<Revocations> revocations) {
        return new PartnerAppRegistry(apps, verified, clock,
                subject -> revocations.ifAvailable(r -> r.revokeSubject(subject)));
    }

    @Bean
    NonceStore partnerNonces(RedissonClient redisson) {
        return new RedisNonces(redisson);
    }

    /** After the bearer-token filter: a request that carries both is the app's. */
    @Bean
    SecurityChainCustomizer partnerSignatures(VerifiedApps apps, NonceStore nonces, Clock clock) {
        PartnerSignatureFilter filter = new PartnerSignatureFilter(new SignatureCheck(apps, nonces, clock));
        return http -> http.addFilterAfter(filter, BearerTokenAuthenticationFilter.class);
    }
}
