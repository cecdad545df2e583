-- The demo catalog exists before any catalog event was published (order-api's demo-data migration writes it), so
-- the box office starts with its titles and its cinema's city. Applied only when marquee.demo-data is true.
INSERT INTO box_office_movie (movie_id, title)
VALUES (1, 'The Last Reel'), (2, 'Orbit of Glass'), (3, 'Paper Lanterns');
INSERT INTO box_office_cinema (cinema_id, city) VALUES (1, 'Shanghai');
