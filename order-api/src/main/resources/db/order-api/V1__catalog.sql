-- The catalog: merchants, their cinemas and halls with seat grids, movies, licences and screenings.
-- Owned by order-api, which serves browsing; the allocator receives what it needs in OrderRequested.

CREATE TABLE merchant (
    id   BIGINT       NOT NULL PRIMARY KEY,
    name VARCHAR(120) NOT NULL
) ENGINE = InnoDB;

CREATE TABLE cinema (
    id          BIGINT       NOT NULL PRIMARY KEY,
    merchant_id BIGINT       NOT NULL,
    name        VARCHAR(120) NOT NULL,
    city        VARCHAR(80)  NOT NULL,
    address     VARCHAR(200) NOT NULL,
    CONSTRAINT cinema_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
) ENGINE = InnoDB;

CREATE TABLE hall (
    id        BIGINT      NOT NULL PRIMARY KEY,
    cinema_id BIGINT      NOT NULL,
    name      VARCHAR(80) NOT NULL,
    CONSTRAINT hall_cinema FOREIGN KEY (cinema_id) REFERENCES cinema (id)
) ENGINE = InnoDB;

-- One row per sellable place of a hall's grid; a gap (aisle, pillar) simply has no row.
-- seat_type: STANDARD, WHEELCHAIR, COMPANION, LOVE_SEAT; pair_label names a love seat's other half.
CREATE TABLE hall_seat (
    hall_id    BIGINT      NOT NULL,
    label      VARCHAR(8)  NOT NULL,
    row_label  VARCHAR(3)  NOT NULL,
    grid_row   INT         NOT NULL,
    grid_col   INT         NOT NULL,
    seat_type  VARCHAR(16) NOT NULL,
    pair_label VARCHAR(8)  NULL,
    PRIMARY KEY (hall_id, label),
    UNIQUE KEY hall_seat_position (hall_id, grid_row, grid_col),
    CONSTRAINT hall_seat_hall FOREIGN KEY (hall_id) REFERENCES hall (id)
) ENGINE = InnoDB;

CREATE TABLE movie (
    id               BIGINT       NOT NULL PRIMARY KEY,
    title            VARCHAR(200) NOT NULL,
    original_title   VARCHAR(200) NOT NULL,
    director         VARCHAR(120) NOT NULL,
    cast_list        VARCHAR(500) NOT NULL,
    genres           VARCHAR(200) NOT NULL,
    country          VARCHAR(80)  NOT NULL,
    language         VARCHAR(80)  NOT NULL,
    duration_minutes INT          NOT NULL,
    format           VARCHAR(8)   NOT NULL,
    opening_day      DATE         NOT NULL,
    poster_url       VARCHAR(300) NOT NULL
) ENGINE = InnoDB;

CREATE TABLE licence (
    cinema_id  BIGINT NOT NULL,
    movie_id   BIGINT NOT NULL,
    valid_from DATE   NOT NULL,
    valid_to   DATE   NOT NULL,
    PRIMARY KEY (cinema_id, movie_id),
    CONSTRAINT licence_cinema FOREIGN KEY (cinema_id) REFERENCES cinema (id),
    CONSTRAINT licence_movie FOREIGN KEY (movie_id) REFERENCES movie (id)
) ENGINE = InnoDB;

CREATE TABLE screening (
    id        BIGINT      NOT NULL PRIMARY KEY,
    movie_id  BIGINT      NOT NULL,
    hall_id   BIGINT      NOT NULL,
    starts_at DATETIME(3) NOT NULL,
    ends_at   DATETIME(3) NOT NULL,
    currency  CHAR(3)     NOT NULL,
    KEY screening_by_hall_time (hall_id, starts_at),
    CONSTRAINT screening_movie FOREIGN KEY (movie_id) REFERENCES movie (id),
    CONSTRAINT screening_hall FOREIGN KEY (hall_id) REFERENCES hall (id)
) ENGINE = InnoDB;

-- Price tiers: one price per seat type for a screening, in minor units of the screening's currency.
CREATE TABLE screening_price (
    screening_id BIGINT      NOT NULL,
    seat_type    VARCHAR(16) NOT NULL,
    amount_minor BIGINT      NOT NULL,
    PRIMARY KEY (screening_id, seat_type),
    CONSTRAINT screening_price_screening FOREIGN KEY (screening_id) REFERENCES screening (id)
) ENGINE = InnoDB;
