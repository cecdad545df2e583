-- Accounts (issue 11): customers, merchant staff and platform administrators, each with one grant (role, merchant,
-- permission bits as one integer, see README's roles table), and the refresh tokens of their sessions.

CREATE TABLE account (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    -- E.164 (+ and up to 15 digits): everyone signs in with their phone number
    phone         VARCHAR(16)  NOT NULL,
    -- an adaptive hash with its algorithm's prefix ({argon2@SpringSecurity_v5_8}...); null: signs in by SMS only
    password_hash VARCHAR(255) NULL,
    role          VARCHAR(16)  NOT NULL,
    -- staff's merchant; null for administrators and customers
    merchant_id   BIGINT       NULL,
    -- the grant: 3 bits (read, write, manage) per area, area i at bits 3i..3i+2
    permissions   INT          NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    banned_at     DATETIME(3)  NULL,
    CONSTRAINT account_phone UNIQUE (phone),
    CONSTRAINT account_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
) ENGINE = InnoDB;

-- Opaque refresh tokens, kept only as the SHA-256 of their 256 random bits. A session is one sign-in's family of
-- tokens: each refresh marks its token used and issues the next one in the same session; a used token presented
-- again revokes the whole session.
CREATE TABLE refresh_token (
    token_hash BINARY(32)  NOT NULL PRIMARY KEY,
    session_id CHAR(36)    NOT NULL,
    account_id BIGINT      NOT NULL,
    issued_at  DATETIME(3) NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    used_at    DATETIME(3) NULL,
    revoked_at DATETIME(3) NULL,
    KEY refresh_token_session (session_id),
    KEY refresh_token_account (account_id),
    KEY refresh_token_expiry (expires_at),
    CONSTRAINT refresh_token_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB;
