package dev.marquee.support.security;

import java.time.Instant;

/** A signed access token and when it stops being accepted. */
public record IssuedToken(String value, Instant expiresAt) {
}
