-- Idempotent submission: a client's Idempotency-Key, scoped to the customer, remembers the order it created and
-- a hash of the request, so a retry gets the same order and a different request under the same key a 409.
CREATE TABLE idempotency_key (
    customer_id  VARCHAR(64)  NOT NULL,
    idem_key     VARCHAR(100) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    order_id     CHAR(36)     NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (customer_id, idem_key),
    KEY idempotency_key_by_time (created_at)
) ENGINE = InnoDB;

-- How many seats the order asked for; for "any N seats" orders the seats themselves are known once held.
ALTER TABLE customer_order ADD COLUMN seat_count INT NOT NULL DEFAULT 0 AFTER hall_id;
UPDATE customer_order o SET seat_count = (SELECT COUNT(*) FROM order_seat s WHERE s.order_id = o.id);
