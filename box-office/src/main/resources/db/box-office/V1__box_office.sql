-- The box-office projection of order-events and seat-events. A rebuild creates copies of these three tables
-- (CREATE TABLE ... LIKE, suffix _rebuild), fills them from offset 0 and swaps all three in with one RENAME TABLE.

-- Revenue and tickets per movie, cinema, paid day (in marquee.box-office.zone) and currency. The city is the
-- cinema's, joined from order-api's catalog at query time.
CREATE TABLE box_office_cell (
    movie_id      BIGINT      NOT NULL,
    cinema_id     BIGINT      NOT NULL,
    day           DATE        NOT NULL,
    currency      VARCHAR(16) NOT NULL,
    revenue_minor BIGINT      NOT NULL,
    tickets       BIGINT      NOT NULL,
    PRIMARY KEY (movie_id, cinema_id, day, currency),
    KEY box_office_cell_by_day (day, cinema_id)
) ENGINE = InnoDB;

-- Per order, what later events need: the counted payment (trade, cell, amount; null while unpaid), the tickets
-- issued (null while unknown: TicketsIssued may come before OrderPaid) and the refunds of the counted payment
-- already subtracted (their event ids, comma-separated, so a repeat subtracts nothing).
CREATE TABLE box_office_order (
    order_id         VARCHAR(100) NOT NULL PRIMARY KEY,
    trade_no         VARCHAR(128) NULL,
    movie_id         BIGINT       NULL,
    cinema_id        BIGINT       NULL,
    day              DATE         NULL,
    currency         VARCHAR(16)  NULL,
    amount_minor     BIGINT       NOT NULL,
    tickets          INT          NULL,
    refunded_minor   BIGINT       NOT NULL,
    refund_event_ids TEXT         NULL
) ENGINE = InnoDB;

-- The next offset to read per partition of the consumed topics, written in the same transaction as the figures
-- it produced: the projection's exactly-once effect, and the point a rebuild reads up to.
CREATE TABLE box_office_offset (
    topic        VARCHAR(249) NOT NULL,
    partition_no INT          NOT NULL,
    next_offset  BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition_no)
) ENGINE = InnoDB;
