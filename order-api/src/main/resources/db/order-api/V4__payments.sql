-- Payment attempts: the id is the out_trade_no the gateway knows; status follows payment-listener's verdicts.
CREATE TABLE payment (
    id           CHAR(36)    NOT NULL PRIMARY KEY,
    order_id     CHAR(36)    NOT NULL,
    gateway      VARCHAR(20) NOT NULL,
    amount_minor BIGINT      NOT NULL,
    currency     CHAR(3)     NOT NULL,
    status       VARCHAR(20) NOT NULL,
    trade_no     VARCHAR(64) NULL,
    reason       VARCHAR(40) NULL,
    retaken      BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at   DATETIME(3) NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    version      BIGINT      NOT NULL,
    KEY payment_by_order (order_id),
    CONSTRAINT payment_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE = InnoDB;

-- Gateway notifications already acknowledged: a resend of one is answered again without publishing it twice; the
-- same notify_id with other content is a replay and refused.
CREATE TABLE payment_notification (
    gateway     VARCHAR(20) NOT NULL,
    notify_id   VARCHAR(64) NOT NULL,
    params_hash CHAR(64)    NOT NULL,
    payment_id  CHAR(36)    NOT NULL,
    received_at DATETIME(3) NOT NULL,
    PRIMARY KEY (gateway, notify_id)
) ENGINE = InnoDB;

-- Tickets of paid orders, from TicketsIssued.
CREATE TABLE order_ticket (
    order_id    CHAR(36)    NOT NULL,
    seat_label  VARCHAR(8)  NOT NULL,
    ticket_code CHAR(16)    NOT NULL,
    issued_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (order_id, seat_label),
    UNIQUE KEY order_ticket_code (ticket_code)
) ENGINE = InnoDB;
