package dev.marquee.boxoffice.messaging;

import java.time.Clock;

import dev.marquee.boxoffice.persistence.Catalog;
import dev.marquee.events.CinemaChanged;
import dev.marquee.events.MovieChanged;
import dev.marquee.schemas.Topics;
import dev.marquee.support.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the box office's copy of the catalog (movie titles, cinemas' cities) from {@code catalog-events}, in its own
 * group, box-office-catalog: resetting it to the earliest offset rebuilds the copy. Each change is an upsert, so a
 * redelivered event writes the same values again; applied event ids are logged. A transient failure (the database away) is thrown and retried until it passes; one that fails for good
 * (data the table refuses) is logged with the event and passed over, so the partition goes on: the title or city
 * stays as it was.
 */
@Component
@KafkaListener(id = "box-office-catalog", topics = Topics.CATALOG_EVENTS, groupId = "box-office-catalog")
class CatalogCopyListener {

    private static final Logger log = LoggerFactory.getLogger(CatalogCopyListener.class);

    private final Catalog catalog;
    private final Clock clock;

    CatalogCopyListener(Catalog catalog) {
        this.catalog = catalog;
        this.clock = Clock.systemUTC();
    }

    @KafkaHandler
    void on(MovieChanged event) {
        apply(event.getEventId(), () -> catalog.movie(event.getMovieId(), event.getTitle()));
    }

    @KafkaHandler
    void on(CinemaChanged event) {
        apply(event.getEventId(), () -> catalog.cinema(event.getCinemaId(), event.getCity()));
    }

    /** Halls, screenings and licences are not the box office's concern. */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }

    private void apply(String eventId, Runnable change) {
        try {
            change.run();
            catalog.firstTime(eventId, clock.instant());
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            log.error("catalog event {} cannot be applied to the box office's copy; it is passed over", eventId, e);
        }
    }
}
