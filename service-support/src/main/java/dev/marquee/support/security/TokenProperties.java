package dev.marquee.support.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys bearer tokens are signed and verified with, from configuration (never from the repository).
 * Every key's public half verifies; the one named {@code signing-key-id} signs, on the service that has its private
 * half. Rotation: add the new key everywhere, switch {@code signing-key-id}, drop the old key one TTL later.
 *
 * @param keys            RSA keys: id, public key (base64 X.509 DER), private key (base64 PKCS#8 DER; issuer only)
 * @param signingKeyId    which key signs new tokens
 * @param accessTokenTtl  how long an access token lives
 * @param issuer          the {@code iss} every token carries and every service requires
 */
@ConfigurationProperties("marquee.security.jwt")
public record TokenProperties(List<Key> keys, String signingKeyId, Duration accessTokenTtl, String issuer) {

    public TokenProperties {
        keys = keys == null ? List.of() : List.copyOf(keys);
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(10) : accessTokenTtl;
        issuer = issuer == null || issuer.isBlank() ? "marquee" : issuer;
    }

    public record Key(String id, String publicKey, String privateKey) {
    }
}
