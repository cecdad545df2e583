package dev.marquee.orderapi.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.accounts.*} besides the SMS codes ({@link dev.marquee.orderapi.account.sms.SmsProperties}).
 *
 * @param password             what a password must be
 * @param refreshTokenTtl      how long a refresh token lives
 * @param refreshPurgeInterval how often refresh tokens a day past their expiry are deleted
 */
@ConfigurationProperties("marquee.accounts")
record AccountProperties(@DefaultValue Password password,
                         @DefaultValue("30d") Duration refreshTokenTtl,
                         @DefaultValue("1h") Duration refreshPurgeInterval) {

    /** @param minLength the fewest characters a new password may have */
    record Password(@DefaultValue("10") int minLength) {
    }
}
