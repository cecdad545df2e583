package dev.marquee.gateway;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Signs notification parameters the way Alipay does (RSA2: SHA256withRSA over {@link #signingString}). It is the
 * gateway's side, used by the simulator and by tests; merchants only verify, with {@link AlipayGateway}.
 */
public final class AlipaySigner {

    static final String ALGORITHM = "SHA256withRSA";
    static final String SIGN = "sign";
    static final String SIGN_TYPE = "sign_type";
    static final String RSA2 = "RSA2";

    private static final Comparator<String> BYTE_ORDER = Comparator.comparing(
            (String key) -> key.getBytes(UTF_8), Arrays::compareUnsigned);

    private final PrivateKey gatewayPrivateKey;

    public AlipaySigner(PrivateKey gatewayPrivateKey) {
        this.gatewayPrivateKey = gatewayPrivateKey;
    }

    /** A copy of the parameters with {@code sign_type=RSA2} and {@code sign} added (any old ones replaced). */
    public Map<String, String> sign(Map<String, String> params) {
        try {
            Signature rsa = Signature.getInstance(ALGORITHM);
            rsa.initSign(gatewayPrivateKey);
            rsa.update(signingString(params).getBytes(UTF_8));
            Map<String, String> signed = new LinkedHashMap<>(params);
            signed.put(SIGN_TYPE, RSA2);
            signed.put(SIGN, Base64.getEncoder().encodeToString(rsa.sign()));
            return signed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the configured key", e);
        }
    }

    /**
     * Alipay's rule: every parameter except {@code sign}, {@code sign_type} and those with empty values, sorted by
     * key in byte order, joined as {@code k=v&k=v} with the raw (not URL-encoded) values.
     */
    public static String signingString(Map<String, String> params) {
        Map<String, String> sorted = new TreeMap<>(BYTE_ORDER);
        params.forEach((key, value) -> {
            if (value != null && !value.isEmpty() && !key.equals(SIGN) && !key.equals(SIGN_TYPE)) {
                sorted.put(key, value);
            }
        });
        StringJoiner joined = new StringJoiner("&");
        sorted.forEach((key, value) -> joined.add(key + "=" + value));
        return joined.toString();
    }

    /** The parameters as an {@code application/x-www-form-urlencoded} UTF-8 body, in their iteration order. */
    public static byte[] formEncode(Map<String, String> params) {
        return FormBody.encode(params);
    }
}
