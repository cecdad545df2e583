package dev.marquee.orderapi.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code refresh_token} table: tokens by their SHA-256, in sessions (families). */
final class RefreshTokenStore {

    record Row(String sessionId, long accountId, Instant expiresAt, Instant usedAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;

    RefreshTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(byte[] hash, String sessionId, long accountId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO refresh_token (token_hash, session_id, account_id, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(hash, sessionId, accountId, Timestamp.from(issuedAt), Timestamp.from(expiresAt)).update();
    }

    Optional<Row> find(byte[] hash) {
        return jdbc.sql("SELECT session_id, account_id, expires_at, used_at, revoked_at FROM refresh_token"
                + " WHERE token_hash = ?").param(hash).query(RefreshTokenStore::row).optional();
    }

    /**
     * Marks a live token used, if it still is live: a conditional update, so of two refreshes racing with one
     * token exactly one sees 1 (InnoDB re-reads the row under its lock; the loser waits, then finds it used).
     */
    boolean markUsed(byte[] hash, Instant now) {
        return jdbc.sql("UPDATE refresh_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"
                        + " AND revoked_at IS NULL AND expires_at > ?")
                .params(Timestamp.from(now), hash, Timestamp.from(now)).update() == 1;
    }

    void revokeSession(String sessionId, Instant now) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = ? WHERE session_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), sessionId).update();
    }

    /** Revokes every live token of the account. */
    void revokeAccount(long accountId, Instant now) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), accountId).update();
    }

    private static Row row(ResultSet row, int number) throws SQLException {
        return new Row(row.getString("session_id"), row.getLong("account_id"),
                row.getTimestamp("expires_at").toInstant(), instant(row.getTimestamp("used_at")),
                instant(row.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
