package dev.marquee.support.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified token's claims back into the {@link Caller} they were issued for. */
final class CallerTokens implements Converter<Jwt, CallerAuthentication> {

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        Number merchant = jwt.getClaim(AccessTokens.MERCHANT);
        Number bits = jwt.getClaim(AccessTokens.PERMISSIONS);
        Caller caller = new Caller(jwt.getSubject(), Role.valueOf(jwt.getClaimAsString(AccessTokens.ROLE)),
                new Permissions(bits == null ? 0 : bits.intValue()), merchant == null ? null : merchant.longValue(),
                jwt.getClaimAsString(AccessTokens.SESSION));
        return new CallerAuthentication(caller, jwt);
    }
}
