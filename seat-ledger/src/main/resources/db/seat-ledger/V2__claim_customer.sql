-- The customer of each claim, for the per-customer seat limit of a screening.
ALTER TABLE seat_claim ADD COLUMN customer_id VARCHAR(64) NOT NULL DEFAULT '' AFTER order_id;
ALTER TABLE seat_claim ADD KEY seat_claim_by_customer (screening_id, customer_id);
