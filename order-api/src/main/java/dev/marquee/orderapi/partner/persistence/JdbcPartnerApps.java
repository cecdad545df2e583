package dev.marquee.orderapi.partner.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.marquee.orderapi.partner.PartnerApp;
import dev.marquee.orderapi.partner.PartnerApps;
import dev.marquee.orderapi.partner.SecretCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code partner_app} table; secrets are sealed by {@link SecretCipher} on the way in, opened on the way out. */
public final class JdbcPartnerApps implements PartnerApps {

    private static final String COLUMNS = "app_key, name, merchant_id, permissions, status, secret_current,"
            + " secret_current_created, secret_previous, secret_previous_created, created_at";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Clock clock;

    public JdbcPartnerApps(JdbcClient jdbc, SecretCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public Optional<PartnerApp> find(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner_app WHERE app_key = ?").param(key)
                .query(this::app).optional();
    }

    @Override
    public void insert(PartnerApp app) {
        jdbc.sql("INSERT INTO partner_app (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(app.key()).param(app.name()).param(app.merchantId()).param(app.permissions())
                .param(app.status().name()).param(sealed(app.key(), app.current()))
                .param(Timestamp.from(app.current().createdAt())).param(sealed(app.key(), app.previous()))
                .param(app.previous() == null ? null : Timestamp.from(app.previous().createdAt()))
                .param(Timestamp.from(app.createdAt())).param(Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public void update(PartnerApp app) {
        jdbc.sql("UPDATE partner_app SET status = ?, secret_current = ?, secret_current_created = ?,"
                        + " secret_previous = ?, secret_previous_created = ?, updated_at = ? WHERE app_key = ?")
                .param(app.status().name()).param(sealed(app.key(), app.current()))
                .param(Timestamp.from(app.current().createdAt())).param(sealed(app.key(), app.previous()))
                .param(app.previous() == null ? null : Timestamp.from(app.previous().createdAt()))
                .param(Timestamp.from(clock.instant())).param(app.key())
                .update();
    }

    @Override
    public List<PartnerApp> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner_app ORDER BY created_at, app_key").query(this::app).list();
    }

    private byte[] sealed(String key, PartnerApp.AppSecret secret) {
        return secret == null ? null : cipher.seal(key, secret.value());
    }

    private PartnerApp app(ResultSet row, int rowNumber) throws SQLException {
        String key = row.getString("app_key");
        long merchant = row.getLong("merchant_id");
        Long merchantId = row.wasNull() ? null : merchant;
        byte[] previous = row.getBytes("secret_previous");
        return new PartnerApp(key, row.getString("name"), merchantId, row.getInt("permissions"),
                PartnerApp.Status.valueOf(row.getString("status")),
                new PartnerApp.AppSecret(cipher.open(key, row.getBytes("secret_current")),
                        instant(row, "secret_current_created")),
                previous == null ? null : new PartnerApp.AppSecret(cipher.open(key, previous),
                        instant(row, "secret_previous_created")),
                instant(row, "created_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }
}
