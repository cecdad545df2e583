-- The seat ledger: who holds or owns each seat of a screening. Written by seat-allocator, payment-listener and
-- expiry-worker, always under the hall's lock and behind the hall's fence.

-- Highest fencing token that has written a hall's seats. A writer presenting a lower token lost its lock.
CREATE TABLE hall_fence (
    hall_id    BIGINT      NOT NULL PRIMARY KEY,
    token      BIGINT      NOT NULL,
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB;

-- Invariant S1: the primary key allows at most one claim (live hold or ticket) per screening seat.
-- hold_until is the hold's deadline; NULL once the seat is sold. A hold past its deadline counts as free
-- (lazy expiry): a new order may take the seat over, the expiry worker cleans up the rest.
CREATE TABLE seat_claim (
    screening_id  BIGINT      NOT NULL,
    seat_label    VARCHAR(8)  NOT NULL,
    order_id      CHAR(36)    NOT NULL,
    hold_until    DATETIME(3) NULL,
    fencing_token BIGINT      NOT NULL,
    claimed_at    DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (screening_id, seat_label),
    KEY seat_claim_by_order (order_id)
) ENGINE = InnoDB;

-- One row per decided order request: the allocator's answer, so that a redelivered request gets the same answer
-- (exactly one outcome per order) and the hold's deadline is known without reading the claims.
CREATE TABLE allocation (
    order_id      CHAR(36)     NOT NULL PRIMARY KEY,
    screening_id  BIGINT       NOT NULL,
    hall_id       BIGINT       NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    seats         VARCHAR(400) NOT NULL,
    hold_until    DATETIME(3)  NULL,
    reason        VARCHAR(40)  NULL,
    detail        VARCHAR(255) NULL,
    fencing_token BIGINT       NULL,
    decided_at    DATETIME(3)  NOT NULL,
    KEY allocation_by_deadline (outcome, hold_until)
) ENGINE = InnoDB;
