package dev.marquee.orderapi.catalog.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import dev.marquee.events.CinemaChanged;
import dev.marquee.events.HallLayoutPublished;
import dev.marquee.events.HallSeat;
import dev.marquee.events.LicenceGranted;
import dev.marquee.events.LicenceRevoked;
import dev.marquee.events.MovieChanged;
import dev.marquee.events.ScreeningCancelled;
import dev.marquee.events.ScreeningChanged;
import dev.marquee.events.ScreeningScheduled;
import dev.marquee.orderapi.catalog.CatalogEvents;
import dev.marquee.orderapi.catalog.GridSeat;
import dev.marquee.orderapi.catalog.messaging.CatalogPublications.Kind;
import dev.marquee.orderapi.outbox.Outbox;
import dev.marquee.schemas.Topics;
import dev.marquee.support.ids.TimeOrderedIds;
import org.springframework.stereotype.Component;

/**
 * The catalog's events as Avro records in the outbox (relayed to {@code catalog-events}), each marking its row
 * published ({@link CatalogPublications}).
 */
@Component
class CatalogEventsOutbox implements CatalogEvents {

    private final Outbox outbox;
    private final CatalogPublications published;
    private final Clock clock;

    CatalogEventsOutbox(Outbox outbox, CatalogPublications published, Clock clock) {
        this.outbox = outbox;
        this.published = published;
        this.clock = clock;
    }

    @Override
    public void hallLayoutPublished(long hallId, long cinemaId, long merchantId, int layoutVersion,
                                    List<GridSeat> seats) {
        String id = newId();
        append(hallId, id, HallLayoutPublished.newBuilder().setEventId(id).setOccurredAt(clock.instant())
                .setHallId(hallId).setCinemaId(cinemaId).setMerchantId(merchantId).setLayoutVersion(layoutVersion)
                .setSeats(seats.stream().map(s -> HallSeat.newBuilder().setLabel(s.label())
                        .setRowLabel(s.rowLabel()).setGridRow(s.gridRow()).setGridCol(s.gridCol())
                        .setSeatType(s.seatType().name()).setPairLabel(s.pairLabel()).build()).toList())
                .build());
        published.claim(Kind.HALL_LAYOUT, hallId, layoutVersion);
    }

    @Override
    public void screeningScheduled(ScreeningFacts s) {
        String id = newId();
        append(s.hallId(), id, ScreeningScheduled.newBuilder().setEventId(id).setOccurredAt(clock.instant())
                .setScreeningId(s.screeningId()).setHallId(s.hallId()).setCinemaId(s.cinemaId())
                .setMerchantId(s.merchantId()).setMovieId(s.movieId()).setLayoutVersion(s.layoutVersion())
                .setStartsAt(s.startsAt()).setEndsAt(s.endsAt()).setCurrency(s.currency())
                .setPrices(java.util.Map.copyOf(s.prices())).build());
        published.claim(Kind.SCREENING, s.screeningId());
    }

    @Override
    public void screeningChanged(ScreeningFacts s) {
        String id = newId();
        append(s.hallId(), id, ScreeningChanged.newBuilder().setEventId(id).setOccurredAt(clock.instant())
                .setScreeningId(s.screeningId()).setHallId(s.hallId()).setCinemaId(s.cinemaId())
                .setMerchantId(s.merchantId()).setMovieId(s.movieId()).setLayoutVersion(s.layoutVersion())
                .setStartsAt(s.startsAt()).setEndsAt(s.endsAt()).setCurrency(s.currency())
                .setPrices(java.util.Map.copyOf(s.prices())).build());
        published.claim(Kind.SCREENING, s.screeningId());
    }

    @Override
    public void screeningCancelled(long screeningId, long hallId, String reason) {
        String id = newId();
        append(hallId, id, ScreeningCancelled.newBuilder().setEventId(id).setOccurredAt(clock.instant())
                .setScreeningId(screeningId).setHallId(hallId).setReason(reason).build());
        published.claim(Kind.SCREENING, screeningId);
    }

    @Override
    public void cinemaChanged(long cinemaId, long merchantId, String name, String city) {
        String id = newId();
        append(cinemaId, id, CinemaChanged.newBuilder().setEventId(id).setOccurredAt(clock.instant())
                .setCinemaId(cinemaId).setMerchantId(merchantId).setName(name).setCity(city).build());
        published.claim(Kind.CINEMA, cinemaId);
    }

    @Override
    public void movieChanged(long movieId, String title, int durationMinutes, String status) {
        String id = newId();
        append(movieId, id, MovieChanged.newBuilder().setEventId(id).setOccurredAt(clock.instant())
                .setMovieId(movieId).setTitle(title).setDurationMinutes(durationMinutes).setStatus(status).build());
        published.claim(Kind.MOVIE, movieId);
    }

    @Override
    public void licenceGranted(long cinemaId, long movieId, LocalDate validFrom, LocalDate validTo) {
        String id = newId();
        append(movieId, id, LicenceGranted.newBuilder().setEventId(id).setOccurredAt(clock.instant())
                .setCinemaId(cinemaId).setMovieId(movieId).setValidFrom(validFrom).setValidTo(validTo).build());
        published.claim(Kind.LICENCE, cinemaId, movieId);
    }

    @Override
    public void licenceRevoked(long cinemaId, long movieId) {
        String id = newId();
        append(movieId, id, LicenceRevoked.newBuilder().setEventId(id).setOccurredAt(clock.instant())
                .setCinemaId(cinemaId).setMovieId(movieId).build());
        published.claim(Kind.LICENCE, cinemaId, movieId);
    }

    private void append(long key, String eventId, org.apache.avro.specific.SpecificRecord event) {
        outbox.append(Topics.CATALOG_EVENTS, Long.toString(key), eventId, event);
    }

    private static String newId() {
        return TimeOrderedIds.nextText();
    }
}
