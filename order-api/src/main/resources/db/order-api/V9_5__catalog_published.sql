-- Which catalog rows have been published on catalog-events (issue 12): a row is claimed here in the transaction
-- that writes its first event to the outbox, so the start-up publication (CatalogBackfill) publishes only rows no
-- event was ever written for (rows written by SQL, before catalog events existed) and a restart publishes nothing
-- twice. kind: CINEMA (cinema id), MOVIE (movie id), LICENCE (cinema id, movie id), HALL_LAYOUT (hall id, layout
-- version), SCREENING (screening id); second_id is 0 where the kind has one id.
CREATE TABLE catalog_published (
    kind      VARCHAR(16) NOT NULL,
    first_id  BIGINT      NOT NULL,
    second_id BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, first_id, second_id)
) ENGINE = InnoDB;

-- One row, locked (FOR UPDATE) by the start-up publication so that instances starting together take turns.
CREATE TABLE catalog_backfill_lock (
    id INT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;
INSERT INTO catalog_backfill_lock (id) VALUES (1);
