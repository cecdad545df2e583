-- One row per gateway trade settled: the processed-ids record of the payment listener, written in the same
-- transaction as the trade's seat effect, so a redelivered callback finds its answer here and is never settled
-- twice. A FAILED trade may later succeed (out-of-order callbacks): its row is then updated, never the reverse.
CREATE TABLE payment_trade (
    gateway       VARCHAR(16)  NOT NULL,
    trade_no      VARCHAR(64)  NOT NULL,
    -- no foreign key: a callback may name an order nobody knows (it is then FLAGGED)
    order_id      VARCHAR(64)  NOT NULL,
    payment_id    VARCHAR(64)  NOT NULL,
    -- PAID, REFUND, FLAGGED or FAILED
    outcome       VARCHAR(16)  NOT NULL,
    reason        VARCHAR(40)  NULL,
    trade_status  VARCHAR(64)  NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    currency      VARCHAR(8)   NOT NULL,
    seats         VARCHAR(400) NOT NULL,
    retaken       BOOLEAN      NOT NULL,
    fencing_token BIGINT       NULL,
    decided_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (gateway, trade_no),
    KEY payment_trade_by_order (order_id)
) ENGINE = InnoDB;
