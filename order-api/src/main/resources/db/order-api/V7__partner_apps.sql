-- Partners' clients (box-office terminals, resellers) that sign their requests. Two secret slots: a rotation moves
-- the current secret to previous, where it keeps working until the next rotation or its explicit drop. Secrets are
-- AES-GCM sealed under marquee.partners.secret-key (iv || ciphertext || tag): an HMAC check needs the secret
-- itself, so it cannot be hashed like a password.
CREATE TABLE partner_app (
    app_key                 VARCHAR(40)    NOT NULL PRIMARY KEY,
    name                    VARCHAR(200)   NOT NULL,
    merchant_id             BIGINT         NULL,
    permissions             INT            NOT NULL,
    status                  VARCHAR(16)    NOT NULL,
    secret_current          VARBINARY(128) NOT NULL,
    secret_current_created  DATETIME(3)    NOT NULL,
    secret_previous         VARBINARY(128) NULL,
    secret_previous_created DATETIME(3)    NULL,
    created_at              DATETIME(3)    NOT NULL,
    updated_at              DATETIME(3)    NOT NULL
) ENGINE = InnoDB;
