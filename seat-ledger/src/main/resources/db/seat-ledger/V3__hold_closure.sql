-- How each hold ended, so that it ends once. closed_at is set once, by whoever ends the hold first, guarded by
-- "closed_at IS NULL": the expiry worker (EXPIRED, or PAID for a hold whose seats were sold), order-api on a
-- customer's cancellation (CANCELLED). released keeps the seat labels the closing gave back (a repeated
-- cancellation answers them again). extended_at marks the one extension a hold may get while its payment is in
-- flight; hold_until then carries the new deadline.
ALTER TABLE allocation
    ADD COLUMN closed_at   DATETIME(3)  NULL,
    ADD COLUMN closed_by   VARCHAR(16)  NULL,
    ADD COLUMN released    VARCHAR(400) NULL,
    ADD COLUMN extended_at DATETIME(3)  NULL;

-- Which halls have open holds past their deadline, oldest first (covering: hall_id is read from the index).
-- It supersedes allocation_by_deadline, which nothing reads.
ALTER TABLE allocation
    ADD KEY allocation_open_by_deadline (outcome, closed_at, hold_until, hall_id),
    DROP KEY allocation_by_deadline;

-- One hall's open lapsed holds, read FOR UPDATE: the range, and so the row and gap locks, stay inside the hall,
-- whose writers the hall lock and fence serialise anyway.
ALTER TABLE allocation
    ADD KEY allocation_open_by_hall (hall_id, outcome, closed_at, hold_until);
