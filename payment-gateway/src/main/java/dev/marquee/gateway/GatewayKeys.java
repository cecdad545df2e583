package dev.marquee.gateway;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys to and from the base64 text that configuration holds: X.509 for public keys, PKCS#8 for private ones, as
 * Alipay's console hands them out. PEM armour and line breaks are tolerated.
 */
public final class GatewayKeys {

    private GatewayKeys() {
    }

    /** A fresh 2048-bit RSA key pair, the size Alipay's RSA2 uses. */
    public static KeyPair generateRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a base64 X.509 RSA public key */
    public static PublicKey publicKey(String base64X509) {
        return (PublicKey) decode(base64X509, new X509EncodedKeySpec(bytes(base64X509)));
    }

    /** @throws IllegalArgumentException if the text is not a base64 PKCS#8 RSA private key */
    public static PrivateKey privateKey(String base64Pkcs8) {
        return (PrivateKey) decode(base64Pkcs8, new PKCS8EncodedKeySpec(bytes(base64Pkcs8)));
    }

    /** The key's standard encoding in base64, the inverse of {@link #publicKey} and {@link #privateKey}. */
    public static String encode(Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static Key decode(String text, KeySpec spec) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return spec instanceof X509EncodedKeySpec ? rsa.generatePublic(spec) : rsa.generatePrivate(spec);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA key: " + abbreviate(text), e);
        }
    }

    private static byte[] bytes(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no key given");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String abbreviate(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "…";
    }
}
