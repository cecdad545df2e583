package dev.marquee.orderapi.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Apps as the signature check sees them, each kept in memory for {@link #TTL} so a signed request does not read the
 * database: a revoke or rotation made on another instance takes effect here within that time (on this instance at
 * once). Unknown keys are remembered too, so a flood of made-up keys does not reach the database either; the cache
 * is emptied when it grows past {@link #MAX_ENTRIES}.
 */
public final class VerifiedApps {

    static final Duration TTL = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<PartnerApp> app, Instant until) {
    }

    private final PartnerApps apps;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedApps(PartnerApps apps, Clock clock) {
        this.apps = apps;
        this.clock = clock;
    }

    public Optional<PartnerApp> find(String key) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.app();
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Optional<PartnerApp> app = apps.find(key);
        entries.put(key, new Entry(app, now.plus(TTL)));
        return app;
    }

    /** This instance forgets the app at once (after a change made here). */
    public void forget(String key) {
        entries.remove(key);
    }
}
