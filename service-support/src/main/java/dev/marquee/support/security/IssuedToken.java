package dev.marquee.support.security;

import java.time.Instant;

/** STAND-IN until the core lands on main. */
public record IssuedToken(String value, Instant expiresAt) {
}
