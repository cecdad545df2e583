package dev.marquee.orderapi.partner.web;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/** Says at start that partner apps are off (no {@code marquee.partners.secret-key}), and how to turn them on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "marquee.partners", name = "secret-key", havingValue = "-", matchIfMissing = true)
class PartnerAppsOff {

    PartnerAppsOff() {
        LoggerFactory.getLogger(PartnerAppsOff.class).warn("partner apps are OFF: set marquee.partners.secret-key"
                + " (base64 of 32 bytes: './marquee keys' or 'openssl rand -base64 32') to accept signed requests"
                + " and /api/admin/apps");
    }
}
