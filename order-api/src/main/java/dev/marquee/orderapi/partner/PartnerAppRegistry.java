package dev.marquee.orderapi.partner;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/** What an operator does with partner apps: create, rotate a secret, drop the previous one, revoke, list. */
public final class PartnerAppRegistry {

    /** An app with the secret just made for it, in hex: shown once, never again. */
    public record Issued(PartnerApp app, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PartnerApps apps;
    private final VerifiedApps verified;
    private final Clock clock;
    private final Consumer<String> revokeTokensOf;

    /** {@code revokeTokensOf}: given {@code app:<key>} when the app is revoked, so its access tokens die too. */
    public PartnerAppRegistry(PartnerApps apps, VerifiedApps verified, Clock clock, Consumer<String> revokeTokensOf) {
        this.apps = apps;
        this.verified = verified;
        this.clock = clock;
        this.revokeTokensOf = revokeTokensOf;
    }

    public Issued create(String name, Long merchantId, int permissions) {
        Instant now = clock.instant();
        byte[] secret = randomBytes(32);
        PartnerApp app = new PartnerApp("app_" + HexFormat.of().formatHex(randomBytes(10)), name, merchantId,
                permissions, PartnerApp.Status.ACTIVE, new PartnerApp.AppSecret(secret, now), null, now);
        apps.insert(app);
        return new Issued(app, HexFormat.of().formatHex(secret));
    }

    /** A new current secret; the old one stays valid as the previous until the next rotation or its drop. */
    public Issued rotate(String key) {
        byte[] secret = randomBytes(32);
        PartnerApp rotated = existing(key).rotated(new PartnerApp.AppSecret(secret, clock.instant()));
        save(rotated);
        return new Issued(rotated, HexFormat.of().formatHex(secret));
    }

    /** The previous secret stops working (every client has switched to the current one). */
    public PartnerApp dropPrevious(String key) {
        PartnerApp app = existing(key).withoutPrevious();
        save(app);
        return app;
    }

    /** Its signatures are refused (on every instance within {@link VerifiedApps#TTL}), its tokens revoked. */
    public PartnerApp revoke(String key) {
        PartnerApp app = existing(key).revoked();
        save(app);
        revokeTokensOf.accept("app:" + key);
        return app;
    }

    public List<PartnerApp> list() {
        return apps.all();
    }

    private PartnerApp existing(String key) {
        return apps.find(key).orElseThrow(() -> new AppNotFoundException(key));
    }

    private void save(PartnerApp app) {
        apps.update(app);
        verified.forget(app.key());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
