package dev.marquee.support.security;

/** STAND-IN until the core lands on main. */
public class Revocations {
    public void revokeSubject(String subject) {
        throw new UnsupportedOperationException("stand-in");
    }

    public void revokeSession(String sessionId) {
        throw new UnsupportedOperationException("stand-in");
    }
}
