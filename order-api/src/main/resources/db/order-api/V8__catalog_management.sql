-- Catalog management (issue 12): natural keys the import upserts by, coordinates, movie status, revocable
-- licences, versioned hall layouts and screenings that are scheduled, put on sale and cancelled.
-- Rows written before this migration (the demo data, tests' own screenings) keep working with the defaults; a row
-- inserted without a code (the demo seed predates codes) gets a unique one (a default cannot name the AUTO_INCREMENT id).

ALTER TABLE merchant
    MODIFY id BIGINT NOT NULL AUTO_INCREMENT,
    ADD COLUMN code VARCHAR(40) NULL AFTER id;
UPDATE merchant SET code = CONCAT('merchant-', id) WHERE code IS NULL;
ALTER TABLE merchant
    MODIFY code VARCHAR(40) NOT NULL DEFAULT (CONCAT('merchant-', UUID_SHORT())),
    ADD CONSTRAINT merchant_code UNIQUE (code);

ALTER TABLE cinema
    MODIFY id BIGINT NOT NULL AUTO_INCREMENT,
    ADD COLUMN code VARCHAR(40) NULL AFTER id,
    ADD COLUMN latitude DECIMAL(9, 6) NULL,
    ADD COLUMN longitude DECIMAL(9, 6) NULL;
UPDATE cinema SET code = CONCAT('cinema-', id) WHERE code IS NULL;
ALTER TABLE cinema
    MODIFY code VARCHAR(40) NOT NULL DEFAULT (CONCAT('cinema-', UUID_SHORT())),
    ADD CONSTRAINT cinema_code UNIQUE (code),
    ADD KEY cinema_by_city (city);

ALTER TABLE movie
    MODIFY id BIGINT NOT NULL AUTO_INCREMENT,
    ADD COLUMN code VARCHAR(60) NULL AFTER id,
    ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'SHOWING';
UPDATE movie SET code = CONCAT('movie-', id) WHERE code IS NULL;
ALTER TABLE movie
    MODIFY code VARCHAR(60) NOT NULL DEFAULT (CONCAT('movie-', UUID_SHORT())),
    ADD CONSTRAINT movie_code UNIQUE (code);

-- current_layout: the layout version new screenings get. A layout with screenings is never edited in place.
ALTER TABLE hall
    MODIFY id BIGINT NOT NULL AUTO_INCREMENT,
    ADD COLUMN current_layout INT NOT NULL DEFAULT 1,
    ADD CONSTRAINT hall_name_in_cinema UNIQUE (cinema_id, name);

ALTER TABLE hall_seat
    ADD COLUMN layout_version INT NOT NULL DEFAULT 1 AFTER hall_id,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (hall_id, layout_version, label),
    DROP KEY hall_seat_position,
    ADD CONSTRAINT hall_seat_position UNIQUE (hall_id, layout_version, grid_row, grid_col);

ALTER TABLE licence
    ADD COLUMN revoked_at DATETIME(3) NULL;

-- status: SCHEDULED (not yet on sale), ON_SALE, CANCELLED.
ALTER TABLE screening
    MODIFY id BIGINT NOT NULL AUTO_INCREMENT,
    ADD COLUMN layout_version INT NOT NULL DEFAULT 1,
    ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ON_SALE',
    ADD COLUMN cancelled_at DATETIME(3) NULL,
    ADD KEY screening_by_start (starts_at);
