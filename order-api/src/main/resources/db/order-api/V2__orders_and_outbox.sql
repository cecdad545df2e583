CREATE TABLE customer_order (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    customer_id   VARCHAR(64)  NOT NULL,
    screening_id  BIGINT       NOT NULL,
    hall_id       BIGINT       NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    currency      CHAR(3)      NOT NULL,
    hold_deadline DATETIME(3)  NULL,
    reject_reason VARCHAR(40)  NULL,
    reject_detail VARCHAR(255) NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    version       BIGINT       NOT NULL,
    KEY customer_order_by_customer (customer_id, screening_id),
    KEY customer_order_by_status (status, hold_deadline)
) ENGINE = InnoDB;

CREATE TABLE order_seat (
    order_id   CHAR(36)   NOT NULL,
    seat_label VARCHAR(8) NOT NULL,
    position   INT        NOT NULL,
    PRIMARY KEY (order_id, seat_label),
    CONSTRAINT order_seat_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE = InnoDB;

-- The transactional outbox (Debezium's outbox event router reads it from the binlog).
-- topic routes the event, aggregateid becomes the Kafka key, payload is the event in the Confluent Avro wire
-- format, ready to be forwarded as is. Rows are kept as an audit trail; they can be purged once relayed.
CREATE TABLE outbox (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    topic         VARCHAR(120) NOT NULL,
    aggregateid   VARCHAR(64)  NOT NULL,
    type          VARCHAR(120) NOT NULL,
    payload       MEDIUMBLOB   NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    KEY outbox_by_time (created_at)
) ENGINE = InnoDB;

-- Events from other services already applied to orders (idempotent consumer).
CREATE TABLE processed_event (
    event_id     CHAR(36)    NOT NULL PRIMARY KEY,
    processed_at DATETIME(3) NOT NULL
) ENGINE = InnoDB;
