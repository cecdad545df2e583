package dev.marquee.orderapi.partner.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code marquee.partners.*}.
 *
 * @param secretKey base64 of 32 bytes, the AES key partner apps' secrets are sealed with; unset, partner apps are off
 */
@ConfigurationProperties("marquee.partners")
record PartnerProperties(String secretKey) {
}
