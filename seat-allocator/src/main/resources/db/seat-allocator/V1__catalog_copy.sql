-- The allocator's own copy of what it needs of the catalog, kept from catalog-events (order-api publishes them);
-- it never reads order-api's tables. Rebuilt by replaying catalog-events (reset the group seat-allocator-catalog).

-- Every published layout of a hall; a hall's newest version is what it sells.
CREATE TABLE allocator_hall_seat (
    hall_id        BIGINT      NOT NULL,
    layout_version INT         NOT NULL,
    label          VARCHAR(8)  NOT NULL,
    row_label      VARCHAR(4)  NOT NULL,
    grid_row       INT         NOT NULL,
    grid_col       INT         NOT NULL,
    seat_type      VARCHAR(16) NOT NULL,
    pair_label     VARCHAR(8)  NULL,
    PRIMARY KEY (hall_id, layout_version, label)
);

CREATE TABLE allocator_hall (
    hall_id        BIGINT NOT NULL PRIMARY KEY,
    layout_version INT    NOT NULL
);

-- Screenings the allocator has heard of; a cancelled one sells nothing more (written under the hall lock).
CREATE TABLE allocator_screening (
    screening_id BIGINT      NOT NULL PRIMARY KEY,
    hall_id      BIGINT      NOT NULL,
    cancelled_at DATETIME(3) NULL,
    KEY allocator_screening_by_hall (hall_id, cancelled_at)
);

-- Catalog events applied, so that a redelivered one changes nothing.
CREATE TABLE allocator_catalog_event (
    event_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    applied_at DATETIME(3) NOT NULL
);
