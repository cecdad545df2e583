package dev.marquee.orderapi.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.marquee.support.security.AccessTokens;
import dev.marquee.support.security.IssuedToken;
import dev.marquee.support.security.Revocations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed-in sessions. A session is one sign-in: its access tokens carry its id ({@code sid}), and its refresh
 * tokens form one family. A refresh token is 256 random bits, handed out once and kept only as its SHA-256; each
 * refresh uses it up and hands out the next. A used token presented again means two parties hold the family (one
 * of them stole it): the whole session is revoked, its access tokens too. Ending a session, or all of an account's
 * (password change, ban), revokes the refresh tokens here and the access tokens through {@link Revocations}, which
 * every instance applies within seconds.
 */
public final class Sessions {

    private static final Base64.Encoder TOKEN_TEXT = Base64.getUrlEncoder().withoutPadding();

    private final ObjectProvider<AccessTokens> accessTokens;
    private final ObjectProvider<Revocations> revocations;
    private final RefreshTokenStore refreshTokens;
    private final AccountStore accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration refreshTtl;
    private final SecureRandom random = new SecureRandom();

    Sessions(ObjectProvider<AccessTokens> accessTokens, ObjectProvider<Revocations> revocations,
             RefreshTokenStore refreshTokens, AccountStore accounts, TransactionTemplate transactions, Clock clock,
             Duration refreshTtl) {
        this.accessTokens = accessTokens;
        this.revocations = revocations;
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
        this.refreshTtl = refreshTtl;
    }

    /** A new session for the account (signed in just now). */
    SignedIn start(Account account) {
        accessTokens();
        String sessionId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String refresh = newRefreshToken();
        refreshTokens.insert(hash(refresh), sessionId, account.id(), now, now.plus(refreshTtl));
        return signedIn(account, sessionId, refresh, now.plus(refreshTtl));
    }

    /**
     * Uses up the refresh token and hands out the next one in the same session, with a fresh access token carrying
     * the account's grant as it is now.
     *
     * @throws AccountRefusedException {@code refresh-invalid}: unknown, expired, revoked or used (which revokes
     *                                 its session), or used just now by a concurrent refresh
     */
    public SignedIn refresh(String token) {
        byte[] hash = hash(token);
        RefreshTokenStore.Row row = refreshTokens.find(hash).orElseThrow(AccountRefusedException::refreshInvalid);
        Instant now = clock.instant();
        if (row.usedAt() != null && row.revokedAt() == null) {
            end(row.sessionId());
        }
        if (row.usedAt() != null || row.revokedAt() != null || !row.expiresAt().isAfter(now)) {
            throw AccountRefusedException.refreshInvalid();
        }
        Account account = accounts.byId(row.accountId()).filter(a -> !a.banned())
                .orElseThrow(AccountRefusedException::refreshInvalid);
        String next = newRefreshToken();
        Instant expiresAt = now.plus(refreshTtl);
        Boolean rotated = transactions.execute(status -> {
            if (!refreshTokens.markUsed(hash, now)) {
                return false;
            }
            refreshTokens.insert(hash(next), row.sessionId(), row.accountId(), now, expiresAt);
            return true;
        });
        if (!Boolean.TRUE.equals(rotated)) {
            throw AccountRefusedException.refreshInvalid();
        }
        return signedIn(account, row.sessionId(), next, expiresAt);
    }

    /**
     * Signs out the session of this refresh token (used or not): its refresh tokens and its access tokens stop
     * working. Ending an ended session again is harmless.
     *
     * @throws AccountRefusedException {@code refresh-invalid} for a token never handed out
     */
    public void endByRefreshToken(String token) {
        end(refreshTokens.find(hash(token)).orElseThrow(AccountRefusedException::refreshInvalid).sessionId());
    }

    /** Signs out one session. */
    public void end(String sessionId) {
        refreshTokens.revokeSession(sessionId, clock.instant());
        revocations.getObject().revokeSession(sessionId);
    }

    /** Signs out every session of the account, and every access token it holds (password change, ban). */
    void endAll(Account account) {
        refreshTokens.revokeAccount(account.id(), clock.instant());
        revocations.getObject().revokeSubject(Long.toString(account.id()));
    }

    private SignedIn signedIn(Account account, String sessionId, String refresh, Instant refreshExpiresAt) {
        IssuedToken access = accessTokens().issue(account.caller(sessionId));
        return new SignedIn(account.id(), account.role().name(), sessionId, "Bearer", access.value(),
                access.expiresAt(), refresh, refreshExpiresAt);
    }

    private AccessTokens accessTokens() {
        AccessTokens tokens = accessTokens.getIfAvailable();
        if (tokens == null) {
            throw new IllegalStateException("no access-token signing key is configured"
                    + " (marquee.security.jwt.signing-key-id and its private key)");
        }
        return tokens;
    }

    private String newRefreshToken() {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        return TOKEN_TEXT.encodeToString(bits);
    }

    /** The SHA-256 of the token as presented (a token that was never ours simply finds nothing). */
    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
