package dev.marquee.orderapi.account.sms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.accounts.sms.*}: where codes are sent and how often.
 *
 * @param gatewayUrl  where {@link HttpSmsSender} posts {@code {"phone","text"}}; unset, no code can be sent (503)
 * @param codeTtl     how long a code is valid
 * @param maxTries    wrong tries a code takes; the next try is refused even with the right code
 * @param cooldown    how long after a send the same phone must wait for another
 * @param perPhone    sends to one phone per {@code window}
 * @param perIp       sends asked from one client address per {@code window}
 * @param window      the fixed window of both send limits, starting at its first send
 * @param sendTimeout how long the gateway may take to accept a message
 */
@ConfigurationProperties("marquee.accounts.sms")
public record SmsProperties(String gatewayUrl,
                            @DefaultValue("5m") Duration codeTtl,
                            @DefaultValue("5") int maxTries,
                            @DefaultValue("60s") Duration cooldown,
                            @DefaultValue("5") int perPhone,
                            @DefaultValue("20") int perIp,
                            @DefaultValue("1h") Duration window,
                            @DefaultValue("5s") Duration sendTimeout) {
}
