package dev.marquee.expiry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.expiry.*} (the payment extension, which order-api reads too, is
 * {@link dev.marquee.support.PaymentExtensionProperties}).
 *
 * @param sweepInterval     pause between the end of one sweep and the start of the next
 * @param batchSize         lapsed holds of one hall decided in one transaction; a hall with more gets another turn
 * @param lockWait          how long to wait for a hall's lock before passing the hall by until the next sweep
 * @param scanLimit         oldest lapsed holds looked at to find the halls to visit in one sweep
 * @param publishedRetention how long published events are kept in {@code expiry_event}
 */
@ConfigurationProperties("marquee.expiry")
public record ExpiryProperties(@DefaultValue("1s") Duration sweepInterval,
                               @DefaultValue("500") int batchSize,
                               @DefaultValue("100ms") Duration lockWait,
                               @DefaultValue("20000") int scanLimit,
                               @DefaultValue("1d") Duration publishedRetention) {
}
