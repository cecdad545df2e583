package dev.marquee.expiry;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code marquee.expiry.holds{outcome=expired|extended|paid}}: holds this instance closed or extended;
 * {@code marquee.expiry.lag}: from a released hold's deadline to its release;
 * {@code marquee.expiry.halls.busy}: halls passed by because another writer held their lock;
 * {@code marquee.expiry.outbox.set.aside}: events set aside because they cannot be sent (see the outbox's failure);
 * {@code marquee.expiry.halls.failed}: halls passed by because their expiry failed for good.
 */
public final class ExpiryMetrics {

    private final MeterRegistry registry;
    private final Timer lag;
    private final Counter busy;
    private final Counter setAside;
    private final Counter failed;

    public ExpiryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("marquee.expiry.lag").description("hold deadline to release")
                .publishPercentileHistogram().register(registry);
        this.busy = Counter.builder("marquee.expiry.halls.busy")
                .description("halls passed by because their lock was held").register(registry);
        this.setAside = Counter.builder("marquee.expiry.outbox.set.aside")
                .description("events set aside because they cannot be sent").register(registry);
        this.failed = Counter.builder("marquee.expiry.halls.failed")
                .description("halls passed by because their expiry failed for good").register(registry);
        // each outcome from zero at start, so that its rate is there before this instance's first hold of that kind
        for (String outcome : new String[] {"expired", "extended", "paid"}) {
            holds(outcome);
        }
    }

    void decided(Verdict verdict, Instant at) {
        String outcome = switch (verdict) {
            case Verdict.Paid paid -> "paid";
            case Verdict.Extend extend -> "extended";
            case Verdict.Release release -> {
                lag.record(Duration.between(release.hold().holdUntil(), at));
                yield "expired";
            }
        };
        holds(outcome).increment();
    }

    void hallBusy() {
        busy.increment();
    }

    void hallFailed() {
        failed.increment();
    }

    void eventSetAside() {
        setAside.increment();
    }

    private Counter holds(String outcome) {
        return Counter.builder("marquee.expiry.holds").tag("outcome", outcome)
                .description("holds ended or extended by this instance").register(registry);
    }
}
