package dev.marquee.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.hall-lock.*}: the per-hall lock every writer of a hall's seats holds. A class, not a record: a
 * record cannot have a component named {@code wait}.
 */
@ConfigurationProperties("marquee.hall-lock")
public final class HallLockProperties {

    /** How long a writer waits for a hall's lock before giving up (a cancellation answers 503 hall-busy). */
    private final Duration wait;

    /** How long a taken lock lasts unless released; a writer whose lease lapsed is fenced off at the write. */
    private final Duration lease;

    public HallLockProperties(@DefaultValue("5s") Duration wait, @DefaultValue("10s") Duration lease) {
        this.wait = wait;
        this.lease = lease;
    }

    public Duration getWait() {
        return wait;
    }

    public Duration getLease() {
        return lease;
    }
}
