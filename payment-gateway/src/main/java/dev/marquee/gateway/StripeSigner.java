package dev.marquee.gateway;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Signs webhook bodies the way Stripe does: {@code v1} is the hex HMAC-SHA256, keyed with the endpoint's secret, of
 * {@code "<t>." + body}. It is the gateway's side; merchants verify with {@link StripeGateway}.
 */
public final class StripeSigner {

    /** The header that carries the signature. */
    public static final String HEADER = "Stripe-Signature";

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    public StripeSigner(String webhookSecret) {
        this.key = new SecretKeySpec(webhookSecret.getBytes(UTF_8), HMAC);
    }

    /** The header value {@code t=<sec>,v1=<hex>} for this body signed at this time. */
    public String signatureHeader(long timestampEpochSeconds, byte[] body) {
        return "t=" + timestampEpochSeconds + ",v1=" + HexFormat.of().formatHex(mac(timestampEpochSeconds, body));
    }

    byte[] mac(long timestampEpochSeconds, byte[] body) {
        try {
            Mac hmac = Mac.getInstance(HMAC);
            hmac.init(key);
            hmac.update((timestampEpochSeconds + ".").getBytes(UTF_8));
            return hmac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
