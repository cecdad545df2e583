package dev.marquee.support.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses a token that {@link Revocations} says was revoked after it was issued. */
final class RevocationCheck implements OAuth2TokenValidator<Jwt> {

    static final String REVOKED = "token_revoked";

    private final Revocations revocations;

    RevocationCheck(Revocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Number millis = jwt.getClaim(AccessTokens.ISSUED_AT_MILLIS);
        long issuedAt = millis != null ? millis.longValue()
                : jwt.getIssuedAt() == null ? Long.MIN_VALUE : jwt.getIssuedAt().toEpochMilli() + 999;
        if (revocations.revoked(jwt.getSubject(), jwt.getClaimAsString(AccessTokens.SESSION), issuedAt)) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(REVOKED, "This token was revoked: sign in again.", null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
