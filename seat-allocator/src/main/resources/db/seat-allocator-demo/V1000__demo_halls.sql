-- The demo halls exist before any catalog event was published (order-api's demo-data migration writes them), so
-- the allocator starts with the same two layouts (version 1). A HallLayoutPublished for them later changes nothing.
-- Applied only when marquee.demo-data is true, like order-api's demo catalog.

-- Hall 1: rows A-H, 14 columns with an aisle at column 5 (no seat there). Row A has two wheelchair places
-- each with a companion seat; row H is love seats (pairs H1+H2, H3+H4, ...). 13 seats a row, 104 in all.
INSERT INTO allocator_hall (hall_id, layout_version) VALUES (1, 1);
INSERT INTO allocator_hall_seat (hall_id, layout_version, label, row_label, grid_row, grid_col, seat_type, pair_label)
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 8),
               c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 14)
SELECT 1, 1,
       CONCAT(CHAR(64 + r.n), IF(c.n < 5, c.n, c.n - 1)),
       CHAR(64 + r.n), r.n, c.n,
       CASE
           WHEN r.n = 1 AND c.n IN (1, 14) THEN 'WHEELCHAIR'
           WHEN r.n = 1 AND c.n IN (2, 13) THEN 'COMPANION'
           WHEN r.n = 8 THEN 'LOVE_SEAT'
           ELSE 'STANDARD' END,
       CASE
           WHEN r.n = 8 THEN CONCAT('H', IF(MOD(IF(c.n < 5, c.n, c.n - 1), 2) = 1,
                                            IF(c.n < 5, c.n, c.n - 1) + 1, IF(c.n < 5, c.n, c.n - 1) - 1))
           ELSE NULL END
FROM r CROSS JOIN c
WHERE c.n <> 5;
-- Row H has 13 places: H13 has no partner and is sold as a standard seat.
UPDATE allocator_hall_seat SET seat_type = 'STANDARD', pair_label = NULL WHERE hall_id = 1 AND label = 'H13';

-- Hall 2: the premiere hall, 15 rows (A-O) of 20 standard seats: 300 seats.
INSERT INTO allocator_hall (hall_id, layout_version) VALUES (2, 1);
INSERT INTO allocator_hall_seat (hall_id, layout_version, label, row_label, grid_row, grid_col, seat_type, pair_label)
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 15),
               c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 20)
SELECT 2, 1, CONCAT(CHAR(64 + r.n), c.n), CHAR(64 + r.n), r.n, c.n, 'STANDARD', NULL
FROM r CROSS JOIN c;
