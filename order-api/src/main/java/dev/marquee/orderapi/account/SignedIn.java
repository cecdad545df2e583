package dev.marquee.orderapi.account;

import java.time.Instant;

/**
 * A session's tokens: the short-lived access token (a JWT, sent as {@code Authorization: Bearer ...}) and the
 * refresh token that gets the next one ({@code POST /api/auth/refresh}), each with its expiry.
 */
public record SignedIn(long accountId, String role, String sessionId, String tokenType, String accessToken,
                       Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {
}
