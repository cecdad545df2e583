package dev.marquee.orderapi.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The catalog's facts for other services, on {@code catalog-events}: each call writes its event to the outbox in
 * the caller's transaction, so an event is published exactly when its change commits. Hall and screening events are
 * keyed by hall, movie and licence events by movie, cinema events by cinema. The first event of a row also marks the
 * row published ({@code catalog_published}), so the start-up publication ({@code CatalogBackfill}) leaves it alone.
 */
public interface CatalogEvents {

    void hallLayoutPublished(long hallId, long cinemaId, long merchantId, int layoutVersion, List<GridSeat> seats);

    /** The screening went on sale. */
    void screeningScheduled(ScreeningFacts screening);

    /** A screening on sale changed its time or prices. */
    void screeningChanged(ScreeningFacts screening);

    void screeningCancelled(long screeningId, long hallId, String reason);

    /** A cinema was added or changed its name or city (keyed by cinema). */
    void cinemaChanged(long cinemaId, long merchantId, String name, String city);

    void movieChanged(long movieId, String title, int durationMinutes, String status);

    void licenceGranted(long cinemaId, long movieId, LocalDate validFrom, LocalDate validTo);

    void licenceRevoked(long cinemaId, long movieId);

    /** What ScreeningScheduled and ScreeningChanged say of a screening. */
    record ScreeningFacts(long screeningId, long hallId, long cinemaId, long merchantId, long movieId,
                          int layoutVersion, Instant startsAt, Instant endsAt, String currency,
                          Map<String, Long> prices) {
    }
}
