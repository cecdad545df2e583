-- The catalog order-api's own integration tests sell from (they run without the import, which lives in the launcher):
-- merchant 1 (code merchant-1, as the demo staff account expects), cinema 1 with halls 1 (104 seats) and 2 (300),
-- three licensed movies, screenings 1-4. The launcher's tests and ./marquee run import deploy/catalog instead.
INSERT INTO merchant (id, name) VALUES (1, 'Marquee Pictures');
INSERT INTO cinema (id, merchant_id, name, city, address)
VALUES (1, 1, 'Marquee Riverside', 'Shanghai', '88 Riverside Road');

-- Hall 1: rows A-H, 14 columns with an aisle at column 5 (no seat there). Row A has two wheelchair places
-- each with a companion seat; row H is love seats (pairs H1+H2, H3+H4, ...). 13 seats a row, 104 in all.
INSERT INTO hall (id, cinema_id, name) VALUES (1, 1, 'Hall 1');
INSERT INTO hall_seat (hall_id, label, row_label, grid_row, grid_col, seat_type, pair_label)
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 8),
               c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 14)
SELECT 1,
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
UPDATE hall_seat SET seat_type = 'STANDARD', pair_label = NULL WHERE hall_id = 1 AND label = 'H13';

-- Hall 2: the premiere hall, 15 rows (A-O) of 20 standard seats: 300 seats.
INSERT INTO hall (id, cinema_id, name) VALUES (2, 1, 'Hall 2 (premiere)');
INSERT INTO hall_seat (hall_id, label, row_label, grid_row, grid_col, seat_type, pair_label)
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 15),
               c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 20)
SELECT 2, CONCAT(CHAR(64 + r.n), c.n), CHAR(64 + r.n), r.n, c.n, 'STANDARD', NULL
FROM r CROSS JOIN c;

INSERT INTO movie (id, title, original_title, director, cast_list, genres, country, language, duration_minutes,
                   format, opening_day, poster_url)
VALUES (1, 'The Last Reel', 'The Last Reel', 'Mei Lin', 'Ana Souza, Tom Becker', 'Drama', 'China', 'Mandarin',
        118, '2D', CURRENT_DATE, 'https://posters.example/last-reel.jpg'),
       (2, 'Orbit of Glass', 'Orbit of Glass', 'Jonas Feld', 'Iris Kade, Omar Haddad', 'Science Fiction,Thriller',
        'Germany', 'English', 142, 'IMAX', CURRENT_DATE, 'https://posters.example/orbit-of-glass.jpg'),
       (3, 'Paper Lanterns', 'Zhi Deng Long', 'Chen Yu', 'Li Wei, Zhou Xun', 'Animation,Family', 'China',
        'Mandarin', 95, '3D', CURRENT_DATE, 'https://posters.example/paper-lanterns.jpg');

INSERT INTO licence (cinema_id, movie_id, valid_from, valid_to)
VALUES (1, 1, CURRENT_DATE, CURRENT_DATE + INTERVAL 90 DAY),
       (1, 2, CURRENT_DATE, CURRENT_DATE + INTERVAL 90 DAY),
       (1, 3, CURRENT_DATE, CURRENT_DATE + INTERVAL 90 DAY);

-- Screenings start at fixed hours tomorrow and the day after, so they never overlap in a hall.
INSERT INTO screening (id, movie_id, hall_id, starts_at, ends_at, currency)
VALUES (1, 1, 1, TIMESTAMP(CURRENT_DATE + INTERVAL 1 DAY, '18:00:00'), TIMESTAMP(CURRENT_DATE + INTERVAL 1 DAY, '20:15:00'), 'CNY'),
       (2, 3, 1, TIMESTAMP(CURRENT_DATE + INTERVAL 1 DAY, '14:00:00'), TIMESTAMP(CURRENT_DATE + INTERVAL 1 DAY, '15:45:00'), 'CNY'),
       (3, 2, 2, TIMESTAMP(CURRENT_DATE + INTERVAL 1 DAY, '20:00:00'), TIMESTAMP(CURRENT_DATE + INTERVAL 1 DAY, '22:40:00'), 'CNY'),
       (4, 2, 2, TIMESTAMP(CURRENT_DATE + INTERVAL 2 DAY, '20:00:00'), TIMESTAMP(CURRENT_DATE + INTERVAL 2 DAY, '22:40:00'), 'CNY');

INSERT INTO screening_price (screening_id, seat_type, amount_minor)
SELECT s.id, t.seat_type, t.amount_minor
FROM screening s
CROSS JOIN (SELECT 'STANDARD' AS seat_type, 6000 AS amount_minor
            UNION ALL SELECT 'WHEELCHAIR', 4500
            UNION ALL SELECT 'COMPANION', 4500
            UNION ALL SELECT 'LOVE_SEAT', 8000) t
WHERE s.id BETWEEN 1 AND 4;

UPDATE merchant SET code = 'merchant-1' WHERE id = 1;
UPDATE cinema SET code = 'cinema-1' WHERE id = 1;
