package dev.marquee.support.security;

/** STAND-IN until the core lands on main. */
public class AccessTokens {
    public IssuedToken issue(Caller caller) {
        throw new UnsupportedOperationException("stand-in");
    }
}
