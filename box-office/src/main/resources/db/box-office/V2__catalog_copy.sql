-- What the box office keeps of the catalog, from catalog-events (never order-api's tables): movie titles for the
-- rankings, cinemas' cities for the city filter. Rebuilt by replaying catalog-events (reset the group
-- box-office-catalog to the earliest offset).
CREATE TABLE box_office_movie (
    movie_id BIGINT       NOT NULL PRIMARY KEY,
    title    VARCHAR(255) NOT NULL
) ENGINE = InnoDB;

CREATE TABLE box_office_cinema (
    cinema_id BIGINT       NOT NULL PRIMARY KEY,
    city      VARCHAR(100) NOT NULL,
    KEY box_office_cinema_by_city (city)
) ENGINE = InnoDB;

-- Catalog events applied, so that a redelivered one changes nothing.
CREATE TABLE box_office_catalog_event (
    event_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    applied_at DATETIME(3) NOT NULL
) ENGINE = InnoDB;
