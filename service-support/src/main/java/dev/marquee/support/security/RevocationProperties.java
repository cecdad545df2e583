package dev.marquee.support.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.security.*} besides the token keys.
 *
 * @param revocationRefresh how often each instance re-reads the map of revoked tokens
 */
@ConfigurationProperties("marquee.security")
public record RevocationProperties(@DefaultValue("1s") Duration revocationRefresh) {
}
