package dev.marquee.orderapi.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import dev.marquee.support.security.Permissions;
import dev.marquee.support.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The {@code account} table. */
final class AccountStore {

    private static final String COLUMNS = "id, phone, password_hash, role, merchant_id, permissions, banned_at";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> byPhone(PhoneNumber phone) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE phone = ?").param(phone.value())
                .query(AccountStore::account).optional();
    }

    Optional<Account> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?").param(id)
                .query(AccountStore::account).optional();
    }

    /** @throws AccountRefusedException {@code phone-taken} when the phone has an account already */
    Account insert(PhoneNumber phone, String passwordHash, Role role, Long merchantId, Permissions permissions,
                   Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO account (phone, password_hash, role, merchant_id, permissions, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(phone.value(), passwordHash, role.name(), merchantId, permissions.bits(),
                            Timestamp.from(now))
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            throw phoneTaken();
        }
        return new Account(key.getKeyAs(Number.class).longValue(), phone, passwordHash, role, merchantId,
                permissions, null);
    }

    static AccountRefusedException phoneTaken() {
        return new AccountRefusedException(409, "phone-taken", "This phone number has an account already: sign in.");
    }

    void setPassword(long id, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
    }

    /** Sets the grant and password of a seeded account (the demo's) to what the configuration says. */
    void reset(long id, String passwordHash, Role role, Long merchantId, Permissions permissions) {
        jdbc.sql("UPDATE account SET password_hash = ?, role = ?, merchant_id = ?, permissions = ?, banned_at = NULL"
                        + " WHERE id = ?")
                .params(passwordHash, role.name(), merchantId, permissions.bits(), id).update();
    }

    void ban(long id, Instant now) {
        jdbc.sql("UPDATE account SET banned_at = COALESCE(banned_at, ?) WHERE id = ?").params(Timestamp.from(now), id)
                .update();
    }

    Optional<Long> merchantByCode(String code) {
        return jdbc.sql("SELECT id FROM merchant WHERE code = ?").param(code).query(Long.class).optional();
    }

    boolean merchantExists(long merchantId) {
        return jdbc.sql("SELECT COUNT(*) FROM merchant WHERE id = ?").param(merchantId).query(Long.class).single() > 0;
    }

    private static Account account(ResultSet row, int number) throws SQLException {
        Timestamp banned = row.getTimestamp("banned_at");
        long merchantId = row.getLong("merchant_id");
        Long merchant = row.wasNull() ? null : merchantId;
        return new Account(row.getLong("id"), new PhoneNumber(row.getString("phone")), row.getString("password_hash"),
                Role.valueOf(row.getString("role")), merchant,
                new Permissions(row.getInt("permissions")), banned == null ? null : banned.toInstant());
    }
}
