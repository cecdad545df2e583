package dev.marquee.stack;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The secrets a stack's services share, made fresh for each embedded stack and never written anywhere: the RSA key
 * that signs and verifies access tokens, and the key partner apps' secrets are encrypted with. Production sets the
 * same properties from its own secret store ({@code ./marquee keys} prints a new set).
 */
public record DevSecrets(String keyId, String publicKey, String privateKey, String partnerSecretKey) {

    public static DevSecrets generate() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair pair = rsa.generateKeyPair();
            byte[] partnerKey = new byte[32];
            new SecureRandom().nextBytes(partnerKey);
            Base64.Encoder base64 = Base64.getEncoder();
            return new DevSecrets("k-" + UUID.randomUUID().toString().substring(0, 8),
                    base64.encodeToString(pair.getPublic().getEncoded()),
                    base64.encodeToString(pair.getPrivate().getEncoded()), base64.encodeToString(partnerKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM cannot make RSA keys", e);
        }
    }

    /** As the services' properties: the token key as key {@code index} and, when signing, the signing key. */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("marquee.security.jwt.keys[0].id", keyId);
        p.put("marquee.security.jwt.keys[0].public-key", publicKey);
        p.put("marquee.security.jwt.keys[0].private-key", privateKey);
        p.put("marquee.security.jwt.signing-key-id", keyId);
        p.put("marquee.partners.secret-key", partnerSecretKey);
        return p;
    }
}
