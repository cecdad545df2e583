package dev.marquee.orderapi.catalog.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which catalog rows have had an event on {@code catalog-events} ({@code catalog_published}), claimed in the
 * transaction that writes the event to the outbox. A claim is an {@code INSERT IGNORE} on the row's key: of two
 * transactions claiming one row, the second waits for the first and, once it committed, gets {@code false}.
 */
@Component
class CatalogPublications {

    enum Kind { CINEMA, MOVIE, LICENCE, HALL_LAYOUT, SCREENING }

    private final JdbcClient jdbc;

    CatalogPublications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when this transaction claimed the row, false when it was published (or is being) before */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean claim(Kind kind, long firstId, long secondId) {
        return jdbc.sql("INSERT IGNORE INTO catalog_published (kind, first_id, second_id) VALUES (?, ?, ?)")
                .params(kind.name(), firstId, secondId).update() == 1;
    }

    boolean claim(Kind kind, long id) {
        return claim(kind, id, 0);
    }
}
