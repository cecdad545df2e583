package dev.marquee.orderapi.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code marquee.payments.notifications.ignored{gateway,type}}: authentic notifications about something other than a
 * payment outcome (a Stripe {@code charge.succeeded}, say), acknowledged and not acted on. A type that keeps coming
 * is a subscription to trim at the gateway.
 */
@Component
class IgnoredNotifications {

    private final MeterRegistry meters;

    IgnoredNotifications(MeterRegistry meters) {
        this.meters = meters;
    }

    void ignored(String gateway, String type) {
        Counter.builder("marquee.payments.notifications.ignored").tag("gateway", gateway).tag("type", type)
                .description("authentic gateway notifications acknowledged and ignored").register(meters).increment();
    }
}
