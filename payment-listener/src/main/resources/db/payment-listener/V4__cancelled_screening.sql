-- What payment-listener keeps of the catalog, from catalog-events (never order-api's tables): the screenings that
-- were cancelled, so that their paid orders are refunded and no later money sells a seat of them. Rebuilt by
-- replaying catalog-events (reset the group payment-listener-catalog to the earliest offset).
CREATE TABLE cancelled_screening (
    screening_id BIGINT       NOT NULL PRIMARY KEY,
    hall_id      BIGINT       NOT NULL,
    reason       VARCHAR(255) NOT NULL,
    cancelled_at DATETIME(3)  NOT NULL
) ENGINE = InnoDB;

-- Catalog events applied, so that a redelivered one changes nothing.
CREATE TABLE payment_catalog_event (
    event_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    applied_at DATETIME(3) NOT NULL
) ENGINE = InnoDB;

-- A cancelled screening's orders, found from the order projection.
ALTER TABLE known_order ADD KEY known_order_by_screening (screening_id);
