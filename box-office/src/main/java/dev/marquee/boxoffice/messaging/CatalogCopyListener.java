package dev.marquee.boxoffice.messaging;

import java.time.Clock;

import dev.marquee.boxoffice.persistence.Catalog;
import dev.marquee.events.CinemaChanged;
import dev.marquee.events.MovieChanged;
import dev.marquee.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the box office's copy of the catalog (movie titles, cinemas' cities) from {@code catalog-events}, in its own
 * group, box-office-catalog: resetting it to the earliest offset rebuilds the copy. Each change is an upsert, so a
 * redelivered event writes the same values again; applied event ids are logged. Failures go to the catalog
 * listener's own error handler ({@code catalogListenerFactory}): a transient one (the database away) is retried
 * until it passes; a record that fails for good (data the table refuses) or cannot be decoded goes with its cause
 * to {@code box-office-catalog-dlt} and the partition goes on: the title or city stays as it was until the record is
 * re-driven.
 */
@Component
@KafkaListener(id = "box-office-catalog", topics = Topics.CATALOG_EVENTS, groupId = "box-office-catalog",
        containerFactory = "catalogListenerFactory")
class CatalogCopyListener {

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
        change.run();
        catalog.firstTime(eventId, clock.instant());
    }
}
