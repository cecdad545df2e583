package dev.marquee.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Issues short-lived access tokens (RS256 JWTs) for a {@link Caller}; exists only on the service configured with
 * the signing key's private half. The claims are what every service's resource server turns back into the caller.
 */
public final class AccessTokens {

    static final String ROLE = "role";
    static final String PERMISSIONS = "perm";
    static final String MERCHANT = "mch";
    static final String SESSION = "sid";
    /** Issued-at in milliseconds: {@code iat} has whole seconds, too coarse to tell a token from a revocation. */
    static final String ISSUED_AT_MILLIS = "ims";

    private final NimbusJwtEncoder encoder;
    private final String keyId;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    AccessTokens(RSAKey signingKey, TokenProperties properties, Clock clock) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
        this.keyId = signingKey.getKeyID();
        this.issuer = properties.issuer();
        this.ttl = properties.accessTokenTtl();
        this.clock = clock;
    }

    /**
     * Tokens signed with this key, outside a Spring context: for the launcher's benches and the tests, which sign
     * in many customers at once without a round trip each.
     */
    public static AccessTokens signingWith(String keyId, String publicKey, String privateKey, Duration ttl) {
        TokenProperties properties = new TokenProperties(
                java.util.List.of(new TokenProperties.Key(keyId, publicKey, privateKey)), keyId, ttl, null);
        return new AccessTokens(TokenKeys.signing(properties), properties, Clock.systemUTC());
    }

    public IssuedToken issue(Caller caller) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(issuer).subject(caller.subject())
                .issuedAt(now).expiresAt(expiresAt)
                .claim(ROLE, caller.role().name()).claim(PERMISSIONS, caller.permissions().bits())
                .claim(ISSUED_AT_MILLIS, now.toEpochMilli());
        if (caller.merchantId() != null) {
            claims.claim(MERCHANT, caller.merchantId());
        }
        if (caller.sessionId() != null) {
            claims.claim(SESSION, caller.sessionId());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(value, expiresAt);
    }

    public Duration ttl() {
        return ttl;
    }
}
