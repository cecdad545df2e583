package dev.marquee.orderapi.partner;

import java.net.URI;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a partner's request: the four {@code X-Marquee-*} headers for a method, URI and body. The secret is the one
 * {@code marquee apps create} showed, 64 hex digits (32 bytes); the signature is base64 HMAC-SHA256 of the
 * {@link CanonicalRequest}. Used by the launcher, the benches and the tests; a partner in another language follows
 * the README's shell example.
 */
public final class RequestSigner {

    public static final String APP = "X-Marquee-App";
    public static final String TIMESTAMP = "X-Marquee-Timestamp";
    public static final String NONCE = "X-Marquee-Nonce";
    public static final String SIGNATURE = "X-Marquee-Signature";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String appKey;
    private final byte[] secret;
    private final Clock clock;

    public RequestSigner(String appKey, String hexSecret, Clock clock) {
        this.appKey = appKey;
        this.secret = HexFormat.of().parseHex(hexSecret);
        this.clock = clock;
    }

    public RequestSigner(String appKey, String hexSecret) {
        this(appKey, hexSecret, Clock.systemUTC());
    }

    /** The four headers for this request, now, with a fresh random nonce. */
    public Map<String, String> headers(String method, URI uri, byte[] body) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return headers(method, uri, body, clock.instant().getEpochSecond(), HexFormat.of().formatHex(nonce));
    }

    /** The four headers with the timestamp and nonce given (tests replay or age a request with these). */
    public Map<String, String> headers(String method, URI uri, byte[] body, long epochSeconds, String nonce) {
        String timestamp = Long.toString(epochSeconds);
        String canonical = CanonicalRequest.of(method, uri.getRawPath() == null ? "/" : uri.getRawPath(),
                uri.getRawQuery(), body, timestamp, nonce);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(APP, appKey);
        headers.put(TIMESTAMP, timestamp);
        headers.put(NONCE, nonce);
        headers.put(SIGNATURE, Base64.getEncoder().encodeToString(hmac(secret, canonical)));
        return headers;
    }

    /** HMAC-SHA256 of the canonical request's UTF-8 bytes under {@code secret}. */
    public static byte[] hmac(byte[] secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
