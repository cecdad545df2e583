-- What payment-listener knows of each order, from its OrderRequested on order-requests (consumer group
-- payment-orders): the customer, the screening with its hall, movie, cinema and start, and the price. The listener
-- reads no other service's tables (DESIGN §3). Facts of a request never change, so a redelivery is ignored.
CREATE TABLE known_order (
    order_id            VARCHAR(64) NOT NULL PRIMARY KEY,
    customer_id         VARCHAR(64) NOT NULL,
    screening_id        BIGINT      NOT NULL,
    hall_id             BIGINT      NOT NULL,
    movie_id            BIGINT      NOT NULL,
    cinema_id           BIGINT      NOT NULL,
    amount_minor        BIGINT      NOT NULL,
    currency            VARCHAR(8)  NOT NULL,
    screening_starts_at DATETIME(3) NOT NULL,
    recorded_at         DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB;
