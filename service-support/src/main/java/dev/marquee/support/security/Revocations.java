package dev.marquee.support.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.redisson.api.RMapCache;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens that must die before they expire: every token of a subject issued before a ban or a password
 * change, every token of a session that signed out. Kept in one Redis map shared by every instance of every
 * service, each entry living as long as the tokens it kills could; each instance mirrors the map in memory and
 * re-reads it every {@code refresh} (1 s by default), so checking a token costs no Redis call and a revocation
 * reaches every instance within about a second. Redis away: the last copy stays in force (logged).
 */
public class Revocations {

    private static final Logger log = LoggerFactory.getLogger(Revocations.class);
    static final String MAP = "marquee:auth:revocations";

    private final RMapCache<String, Long> shared;
    private final Duration keepFor;
    private final Clock clock;
    private volatile Map<String, Long> mirror = Map.of();
    private final Map<String, Long> local = new ConcurrentHashMap<>();

    public Revocations(RedissonClient redisson, Duration keepFor, Clock clock) {
        this.shared = redisson.getMapCache(MAP);
        this.keepFor = keepFor;
        this.clock = clock;
    }

    /** Every token of {@code subject} issued before now is refused (a ban, a password change). */
    public void revokeSubject(String subject) {
        revoke("sub:" + subject);
    }

    /** Every token of this sign-in session is refused (logout, a stolen refresh token). */
    public void revokeSession(String sessionId) {
        revoke("sid:" + sessionId);
    }

    private void revoke(String key) {
        long now = clock.millis();
        shared.fastPut(key, now, keepFor.toMillis(), TimeUnit.MILLISECONDS);
        local.put(key, now);
    }

    /** Whether a token of this subject and session, issued at {@code issuedAtMillis}, has been revoked since. */
    boolean revoked(String subject, String sessionId, long issuedAtMillis) {
        return revokedAfter("sub:" + subject, issuedAtMillis)
                || sessionId != null && revokedAfter("sid:" + sessionId, Long.MIN_VALUE);
    }

    private boolean revokedAfter(String key, long issuedAtMillis) {
        Long at = mirror.get(key);
        Long here = local.get(key);
        return at != null && at >= issuedAtMillis || here != null && here >= issuedAtMillis;
    }

    /** Re-reads the shared map (scheduled every second). */
    void refresh() {
        try {
            mirror = Map.copyOf(shared.readAllMap());
            long cutoff = clock.millis() - keepFor.toMillis();
            local.values().removeIf(at -> at < cutoff);
        } catch (RuntimeException e) {
            log.warn("Could not re-read token revocations from Redis; the last copy ({} entries) stays in force: {}",
                    mirror.size(), e.toString());
        }
    }
}
