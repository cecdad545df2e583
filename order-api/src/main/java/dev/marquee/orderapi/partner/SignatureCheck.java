package dev.marquee.orderapi.partner;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Verifies a partner's signed request, in this order: all four headers, a timestamp within {@link #WINDOW} of now,
 * a nonce of 16-64 characters, a known and active app, the signature (current or previous secret), and only then
 * the nonce's first use, so that a forger cannot burn a real client's nonces.
 */
public final class SignatureCheck {

    /** A request's timestamp may be this far from our clock, either way. */
    public static final Duration WINDOW = Duration.ofMinutes(5);
    /** A nonce is remembered while a request carrying it could still be accepted: twice the window, and a margin. */
    static final Duration NONCE_KEPT = WINDOW.multipliedBy(2).plusMinutes(1);

    private static final List<String> HEADERS = List.of(RequestSigner.APP, RequestSigner.TIMESTAMP,
            RequestSigner.NONCE, RequestSigner.SIGNATURE);

    public sealed interface Verdict {
    }

    public record Verified(PartnerApp app) implements Verdict {
    }

    public record Refused(String code, String detail) implements Verdict {
    }

    private final VerifiedApps apps;
    private final NonceStore nonces;
    private final Clock clock;

    public SignatureCheck(VerifiedApps apps, NonceStore nonces, Clock clock) {
        this.apps = apps;
        this.nonces = nonces;
        this.clock = clock;
    }

    /** Whether the request carries any of the four headers: those that carry none are left to bearer tokens. */
    public static boolean isSigned(UnaryOperator<String> header) {
        return HEADERS.stream().anyMatch(name -> header.apply(name) != null);
    }

    public Verdict verify(String method, String path, String rawQuery, byte[] body, UnaryOperator<String> header) {
        List<String> missing = HEADERS.stream().filter(name -> blank(header.apply(name))).toList();
        if (!missing.isEmpty()) {
            return new Refused("signature-missing", "A signed request carries all of " + HEADERS + "; missing "
                    + missing + ".");
        }
        String key = header.apply(RequestSigner.APP);
        String timestamp = header.apply(RequestSigner.TIMESTAMP);
        String nonce = header.apply(RequestSigner.NONCE);
        Optional<Refused> early = checkTimestamp(timestamp).or(() -> checkNonce(nonce));
        if (early.isPresent()) {
            return early.get();
        }
        Optional<PartnerApp> found = apps.find(key);
        if (found.isEmpty()) {
            return new Refused("app-unknown", "No partner app has the key in " + RequestSigner.APP + ".");
        }
        PartnerApp app = found.get();
        if (app.revokedNow()) {
            return new Refused("app-revoked", "This partner app was revoked.");
        }
        if (!signatureMatches(app, method, path, rawQuery, body, timestamp, nonce,
                header.apply(RequestSigner.SIGNATURE))) {
            return new Refused("signature-invalid", "The signature does not match the request (see README:"
                    + " partner apps, for the canonical form).");
        }
        if (!nonces.firstUse(key, nonce, NONCE_KEPT)) {
            return new Refused("nonce-replayed", "This nonce was already used; every request needs a fresh one.");
        }
        return new Verified(app);
    }

    private Optional<Refused> checkTimestamp(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Optional.of(new Refused("signature-stale", RequestSigner.TIMESTAMP + " is not epoch seconds."));
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        return skew <= WINDOW.toSeconds() ? Optional.empty() : Optional.of(new Refused("signature-stale",
                RequestSigner.TIMESTAMP + " is " + skew + " s from the server's clock; at most "
                        + WINDOW.toSeconds() + " s are accepted."));
    }

    private static Optional<Refused> checkNonce(String nonce) {
        return nonce.length() >= 16 && nonce.length() <= 64 ? Optional.empty() : Optional.of(new Refused(
                "signature-invalid", RequestSigner.NONCE + " must be 16 to 64 characters."));
    }

    private static boolean signatureMatches(PartnerApp app, String method, String path, String rawQuery, byte[] body,
                                            String timestamp, String nonce, String signature) {
        try {
            String canonical = CanonicalRequest.of(method, path, rawQuery, body, timestamp, nonce);
            return app.signed(canonical, Base64.getDecoder().decode(signature.trim()));
        } catch (IllegalArgumentException e) {
            return false; // a malformed query escape or a signature that is not base64
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
