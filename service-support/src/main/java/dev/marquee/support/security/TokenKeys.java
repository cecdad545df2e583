package dev.marquee.support.security;

import java.security.KeyFactory;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/** The configured keys as JWKs: all of them to verify, the signing one (with its private half) to sign. */
final class TokenKeys {

    private TokenKeys() {
    }

    static JWKSet verifying(TokenProperties properties) {
        if (properties.keys().isEmpty()) {
            throw new IllegalStateException("No token keys configured (marquee.security.jwt.keys): every service needs"
                    + " the public keys that verify bearer tokens. `./marquee keys` generates a key pair;"
                    + " `./marquee run` and the tests generate their own.");
        }
        List<JWK> keys = new ArrayList<>();
        for (TokenProperties.Key key : properties.keys()) {
            keys.add(new RSAKey.Builder(publicKey(key)).keyID(key.id()).keyUse(KeyUse.SIGNATURE).build());
        }
        return new JWKSet(keys);
    }

    /** The signing key with its private half, or null when this service does not issue tokens. */
    static RSAKey signing(TokenProperties properties) {
        for (TokenProperties.Key key : properties.keys()) {
            if (key.id() != null && key.id().equals(properties.signingKeyId()) && key.privateKey() != null
                    && !key.privateKey().isBlank()) {
                return new RSAKey.Builder(publicKey(key)).privateKey(privateKey(key)).keyID(key.id())
                        .keyUse(KeyUse.SIGNATURE).build();
            }
        }
        return null;
    }

    private static RSAPublicKey publicKey(TokenProperties.Key key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(strip(key.publicKey()))));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("token key '" + key.id() + "': public-key is not a base64 X.509 RSA key", e);
        }
    }

    private static RSAPrivateKey privateKey(TokenProperties.Key key) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(strip(key.privateKey()))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("token key '" + key.id() + "': private-key is not a base64 PKCS#8 RSA key", e);
        }
    }

    /** Accepts PEM too: drops the armour lines and whitespace. */
    private static String strip(String text) {
        return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
