-- Order, payment and outbox ids are UUIDs in their 36-character text form: new ones time-ordered (UUIDv7, so that
-- InnoDB appends to the primary key instead of splitting random pages), older ones random (v4), both stay valid.
-- Their text is ASCII: stored as utf8mb4 every key byte counted four times (144 bytes a key); ascii_bin takes 36
-- and compares bytes (the ids are lower-case hex, so byte order is time order for v7).
-- The foreign keys are dropped around the change (MariaDB refuses to change a referenced column's character set)
-- and put back as they were.
ALTER TABLE order_seat DROP FOREIGN KEY order_seat_order;
ALTER TABLE payment DROP FOREIGN KEY payment_order;
ALTER TABLE order_payment_claim DROP FOREIGN KEY order_payment_claim_order;

ALTER TABLE customer_order MODIFY id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE order_seat MODIFY order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE payment MODIFY id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
                    MODIFY order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE order_payment_claim MODIFY order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
                                MODIFY payment_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE idempotency_key MODIFY order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE payment_notification MODIFY payment_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE order_ticket MODIFY order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE outbox MODIFY id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;

ALTER TABLE order_seat ADD CONSTRAINT order_seat_order FOREIGN KEY (order_id) REFERENCES customer_order (id);
ALTER TABLE payment ADD CONSTRAINT payment_order FOREIGN KEY (order_id) REFERENCES customer_order (id);
ALTER TABLE order_payment_claim ADD CONSTRAINT order_payment_claim_order
    FOREIGN KEY (order_id) REFERENCES customer_order (id);
