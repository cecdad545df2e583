package dev.marquee.orderapi.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.marquee.orderapi.partner.SignatureCheck.Refused;
import dev.marquee.orderapi.partner.SignatureCheck.Verdict;
import dev.marquee.orderapi.partner.SignatureCheck.Verified;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {

    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    static final URI ORDERS = URI.create("http://localhost/api/orders?b=2&a=1");
    static final byte[] BODY = "{\"screeningId\":3}".getBytes(StandardCharsets.UTF_8);

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final InMemoryApps apps = new InMemoryApps();
    final InMemoryNonces nonces = new InMemoryNonces();
    final List<String> revokedTokens = new ArrayList<>();
    final PartnerAppRegistry registry = new PartnerAppRegistry(apps, new VerifiedApps(apps, clock), clock,
            revokedTokens::add);
    final SignatureCheck check = new SignatureCheck(new VerifiedApps(apps, clock), nonces, clock);

    @Test
    void aRequestSignedWithTheAppsSecretIsVerified() {
        PartnerAppRegistry.Issued issued = registry.create("Box office 1", 7L, 0b100);

        Verdict verdict = verify(signer(issued).headers("POST", ORDERS, BODY, NOW.getEpochSecond(), nonce(1)));

        assertThat(verdict).isInstanceOfSatisfying(Verified.class, v -> {
            assertThat(v.app().key()).isEqualTo(issued.app().key());
            assertThat(v.app().merchantId()).isEqualTo(7L);
        });
    }

    @Test
    void theSameNonceIsAcceptedOnce() {
        Map<String, String> headers = signer(registry.create("t", null, 0)).headers("POST", ORDERS, BODY,
                NOW.getEpochSecond(), nonce(2));

        assertThat(verify(headers)).isInstanceOf(Verified.class);
        assertThat(code(verify(headers))).isEqualTo("nonce-replayed");
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayEitherWayIsStale() {
        RequestSigner signer = signer(registry.create("t", null, 0));

        assertThat(verify(signer.headers("POST", ORDERS, BODY, NOW.getEpochSecond() - 301, nonce(3))))
                .extracting(SignatureCheckTest::code).isEqualTo("signature-stale");
        assertThat(verify(signer.headers("POST", ORDERS, BODY, NOW.getEpochSecond() + 301, nonce(4))))
                .extracting(SignatureCheckTest::code).isEqualTo("signature-stale");
        assertThat(verify(signer.headers("POST", ORDERS, BODY, NOW.getEpochSecond() - 300, nonce(5))))
                .isInstanceOf(Verified.class);
    }

    @Test
    void anyChangeToTheSignedRequestInvalidatesItAndDoesNotBurnTheNonce() {
        RequestSigner signer = signer(registry.create("t", null, 0));
        Map<String, String> headers = signer.headers("POST", ORDERS, BODY, NOW.getEpochSecond(), nonce(6));

        assertThat(code(check.verify("POST", "/api/orders", "a=1&b=2",
                "{\"screeningId\":4}".getBytes(StandardCharsets.UTF_8), headers::get))).isEqualTo("signature-invalid");
        assertThat(code(check.verify("POST", "/api/orders", "a=1&b=3", BODY, headers::get)))
                .isEqualTo("signature-invalid");
        assertThat(code(check.verify("PUT", "/api/orders", "a=1&b=2", BODY, headers::get)))
                .isEqualTo("signature-invalid");
        assertThat(nonces.used).isEmpty();
        assertThat(verify(headers)).isInstanceOf(Verified.class);
    }

    @Test
    void aSignatureUnderAnotherSecretIsInvalid() {
        PartnerAppRegistry.Issued issued = registry.create("t", null, 0);
        RequestSigner forger = new RequestSigner(issued.app().key(), "00".repeat(32), clock);

        assertThat(code(verify(forger.headers("POST", ORDERS, BODY, NOW.getEpochSecond(), nonce(7)))))
                .isEqualTo("signature-invalid");
    }

    @Test
    void unknownAndRevokedAppsAreRefused() {
        PartnerAppRegistry.Issued issued = registry.create("t", null, 0);
        RequestSigner unknown = new RequestSigner("app_nobody", issued.secret(), clock);
        registry.revoke(issued.app().key());

        assertThat(revokedTokens).containsExactly("app:" + issued.app().key());
        assertThat(code(verify(unknown.headers("POST", ORDERS, BODY, NOW.getEpochSecond(), nonce(8)))))
                .isEqualTo("app-unknown");
        assertThat(code(verify(signer(issued).headers("POST", ORDERS, BODY, NOW.getEpochSecond(), nonce(9)))))
                .isEqualTo("app-revoked");
    }

    @Test
    void someButNotAllHeadersIsMissingAndANonceOfTheWrongLengthIsInvalid() {
        Map<String, String> headers = new HashMap<>(signer(registry.create("t", null, 0))
                .headers("POST", ORDERS, BODY, NOW.getEpochSecond(), nonce(10)));
        Map<String, String> shortNonce = new HashMap<>(headers);
        shortNonce.put(RequestSigner.NONCE, "abc");
        headers.remove(RequestSigner.SIGNATURE);

        assertThat(SignatureCheck.isSigned(headers::get)).isTrue();
        assertThat(SignatureCheck.isSigned(name -> null)).isFalse();
        assertThat(code(verify(headers))).isEqualTo("signature-missing");
        assertThat(code(verify(shortNonce))).isEqualTo("signature-invalid");
    }

    @Test
    void afterARotationBothSecretsWorkUntilThePreviousIsDropped() {
        PartnerAppRegistry.Issued first = registry.create("t", null, 0);
        PartnerAppRegistry.Issued second = registry.rotate(first.app().key());

        assertThat(verify(signer(first).headers("POST", ORDERS, BODY, NOW.getEpochSecond(), nonce(11))))
                .isInstanceOf(Verified.class);
        assertThat(verify(signer(second).headers("POST", ORDERS, BODY, NOW.getEpochSecond(), nonce(12))))
                .isInstanceOf(Verified.class);

        registry.dropPrevious(first.app().key());
        SignatureCheck fresh = new SignatureCheck(new VerifiedApps(apps, clock), nonces, clock);
        assertThat(code(fresh.verify("POST", "/api/orders", "b=2&a=1", BODY, signer(first)
                .headers("POST", ORDERS, BODY, NOW.getEpochSecond(), nonce(13))::get))).isEqualTo("signature-invalid");
        assertThat(fresh.verify("POST", "/api/orders", "b=2&a=1", BODY, signer(second)
                .headers("POST", ORDERS, BODY, NOW.getEpochSecond(), nonce(14))::get)).isInstanceOf(Verified.class);
    }

    @Test
    void aChangeMadeOnAnotherInstanceIsSeenWithinFiveSeconds() {
        PartnerAppRegistry.Issued issued = registry.create("t", null, 0);
        MutableClock later = new MutableClock(NOW);
        VerifiedApps cached = new VerifiedApps(apps, later);
        assertThat(cached.find(issued.app().key())).get().extracting(PartnerApp::revokedNow).isEqualTo(false);

        registry.revoke(issued.app().key());
        later.now = NOW.plusSeconds(4);
        assertThat(cached.find(issued.app().key())).get().extracting(PartnerApp::revokedNow).isEqualTo(false);
        later.now = NOW.plusSeconds(5);
        assertThat(cached.find(issued.app().key())).get().extracting(PartnerApp::revokedNow).isEqualTo(true);
    }

    private Verdict verify(Map<String, String> headers) {
        return check.verify("POST", "/api/orders", "b=2&a=1", BODY, headers::get);
    }

    private RequestSigner signer(PartnerAppRegistry.Issued issued) {
        return new RequestSigner(issued.app().key(), issued.secret(), clock);
    }

    private static String nonce(int n) {
        return "nonce-%016d".formatted(n);
    }

    private static String code(Verdict verdict) {
        return verdict instanceof Refused refused ? refused.code() : "verified";
    }

    static final class InMemoryApps implements PartnerApps {
        final Map<String, PartnerApp> apps = new HashMap<>();

        @Override
        public Optional<PartnerApp> find(String key) {
            return Optional.ofNullable(apps.get(key));
        }

        @Override
        public void insert(PartnerApp app) {
            apps.put(app.key(), app);
        }

        @Override
        public void update(PartnerApp app) {
            apps.put(app.key(), app);
        }

        @Override
        public List<PartnerApp> all() {
            return new ArrayList<>(apps.values());
        }
    }

    static final class InMemoryNonces implements NonceStore {
        final Set<String> used = new HashSet<>();

        @Override
        public boolean firstUse(String appKey, String nonce, Duration keepFor) {
            assertThat(keepFor).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
            return used.add(appKey + ":" + nonce);
        }
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
