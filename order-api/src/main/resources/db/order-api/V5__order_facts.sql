-- The order keeps the facts it learnt and derives its status from them (see Order), so that its events may arrive
-- in any order: whether it was held, its hold extended, expired, cancelled, the money's first verdict, the payments
-- the customer claimed. Existing orders get the facts their status implies.
ALTER TABLE customer_order
    ADD COLUMN seats_held        BOOLEAN     NOT NULL DEFAULT FALSE AFTER hold_deadline,
    ADD COLUMN hold_extended     BOOLEAN     NOT NULL DEFAULT FALSE AFTER seats_held,
    ADD COLUMN expired           BOOLEAN     NOT NULL DEFAULT FALSE AFTER hold_extended,
    ADD COLUMN cancelled         BOOLEAN     NOT NULL DEFAULT FALSE AFTER expired,
    ADD COLUMN money_verdict     VARCHAR(20) NOT NULL DEFAULT 'NONE' AFTER cancelled,
    ADD COLUMN refund_payment_id VARCHAR(64) NULL AFTER money_verdict,
    ADD COLUMN refund_reason     VARCHAR(40) NULL AFTER refund_payment_id;

UPDATE customer_order SET seats_held = hold_deadline IS NOT NULL,
                          expired = status = 'EXPIRED',
                          cancelled = status = 'CANCELLED',
                          money_verdict = CASE WHEN status IN ('PAID', 'REFUND_PENDING', 'REFUNDED') THEN status
                                               ELSE 'NONE' END;

CREATE TABLE order_payment_claim (
    order_id   CHAR(36) NOT NULL,
    payment_id CHAR(36) NOT NULL,
    PRIMARY KEY (order_id, payment_id),
    CONSTRAINT order_payment_claim_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE = InnoDB;

INSERT INTO order_payment_claim (order_id, payment_id)
SELECT p.order_id, p.id FROM payment p JOIN customer_order o ON o.id = p.order_id
WHERE p.status = 'CLAIMED' AND o.status = 'PAYMENT_PENDING';

-- processed_event is purged by age (ProcessedEventPurge).
ALTER TABLE processed_event ADD KEY processed_event_by_time (processed_at);
