-- The expiry worker's outbox: the events a sweep caused, written in the transaction that released, extended or
-- closed the holds, and marked published once Kafka acknowledged them. A sweep first sends rows an earlier one
-- (of any instance) left unpublished; published rows are purged after marquee.expiry.published-retention.
-- One row per event; the id is derived from order and type, so a hold cannot cause the same event twice.
CREATE TABLE expiry_event (
    event_id          CHAR(36)     NOT NULL PRIMARY KEY,
    -- SeatsReleased, OrderExpired or HoldExtended
    type              VARCHAR(32)  NOT NULL,
    order_id          VARCHAR(64)  NOT NULL,
    screening_id      BIGINT       NOT NULL,
    hall_id           BIGINT       NOT NULL,
    seats             VARCHAR(400) NOT NULL,
    fencing_token     BIGINT       NOT NULL,
    previous_deadline DATETIME(3)  NULL,
    hold_deadline     DATETIME(3)  NULL,
    occurred_at       DATETIME(3)  NOT NULL,
    published_at      DATETIME(3)  NULL,
    KEY expiry_event_by_publication (published_at, occurred_at)
) ENGINE = InnoDB;
