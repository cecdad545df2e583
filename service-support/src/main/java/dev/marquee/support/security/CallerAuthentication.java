package dev.marquee.support.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Caller}: from a bearer token, or from a partner's signed request. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final Object credentials;

    public CallerAuthentication(Caller caller, Object credentials) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.caller = caller;
        this.credentials = credentials;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return credentials;
    }

    @Override
    public String getName() {
        return caller.subject();
    }
}
