-- A payment in flight (the customer says they paid; the gateway's word has not come) keeps the hold live past its
-- deadline until payment_until: the deadline plus the one extension a hold may get. Written once, under the hall's
-- lock and behind its fence, on the allocation and on the order's held claims, so that lazy takeover (the
-- allocator, another order's late money) and the expiry worker all see the same live-until instant.
ALTER TABLE allocation ADD COLUMN payment_until DATETIME(3) NULL;
ALTER TABLE seat_claim ADD COLUMN payment_until DATETIME(3) NULL;
