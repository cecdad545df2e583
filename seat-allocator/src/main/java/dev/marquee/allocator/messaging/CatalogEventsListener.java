package dev.marquee.allocator.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.marquee.allocator.ScreeningCancellation;
import dev.marquee.allocator.Screenings;
import dev.marquee.allocator.Seat;
import dev.marquee.allocator.SeatType;
import dev.marquee.events.HallLayoutPublished;
import dev.marquee.events.ScreeningCancelled;
import dev.marquee.events.ScreeningChanged;
import dev.marquee.events.ScreeningScheduled;
import dev.marquee.events.SeatsReleased;
import dev.marquee.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the allocator's copy of the catalog from {@code catalog-events} (its own group, seat-allocator-catalog:
 * resetting it to the earliest offset rebuilds the copy). An event is applied once per event id; a cancellation's
 * SeatsReleased events are sent before its id is recorded, so a failure between the two sends them again (same
 * ids) rather than losing them. Failures go to the allocator's error handler: transient ones are retried, a record
 * that fails for good is dead-lettered to {@code catalog-events-dlt} and the partition goes on.
 */
@Component
@KafkaListener(id = "seat-allocator-catalog", topics = Topics.CATALOG_EVENTS, groupId = "seat-allocator-catalog")
class CatalogEventsListener {

    static final String CAUSE = "SCREENING_CANCELLED";

    private final Screenings screenings;
    private final ScreeningCancellation cancellation;
    private final KafkaTemplate<String, Object> kafka;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CatalogEventsListener(Screenings screenings, ScreeningCancellation cancellation, KafkaTemplate<String, Object> kafka,
                          TransactionTemplate transaction, Clock clock) {
        this.screenings = screenings;
        this.cancellation = cancellation;
        this.kafka = kafka;
        this.transaction = transaction;
        this.clock = clock;
    }

    @KafkaHandler
    void on(HallLayoutPublished event) {
        List<Seat> seats = event.getSeats().stream().map(s -> new Seat(s.getLabel(), s.getRowLabel(), s.getGridRow(),
                s.getGridCol(), SeatType.valueOf(s.getSeatType()), s.getPairLabel())).toList();
        transaction.executeWithoutResult(status -> {
            if (!screenings.applied(event.getEventId())) {
                screenings.publishLayout(event.getHallId(), event.getLayoutVersion(), seats);
                screenings.markApplied(event.getEventId(), clock.instant());
            }
        });
    }

    /** The layout version a screening sells is the one it was scheduled with, not the hall's newest. */
    @KafkaHandler
    void on(ScreeningScheduled event) {
        schedule(event.getEventId(), event.getScreeningId(), event.getHallId(), event.getLayoutVersion());
    }

    /** A change carries the version the screening sells (unchanged unless order-api moves it to another layout). */
    @KafkaHandler
    void on(ScreeningChanged event) {
        schedule(event.getEventId(), event.getScreeningId(), event.getHallId(), event.getLayoutVersion());
    }

    private void schedule(String eventId, long screeningId, long hallId, int layoutVersion) {
        transaction.executeWithoutResult(status -> {
            if (!screenings.applied(eventId)) {
                screenings.schedule(screeningId, hallId, layoutVersion);
                screenings.markApplied(eventId, clock.instant());
            }
        });
    }

    @KafkaHandler
    void on(ScreeningCancelled event) {
        if (screenings.applied(event.getEventId())) {
            return;
        }
        ScreeningCancellation.Released released = cancellation.cancel(event.getScreeningId(), event.getHallId());
        CompletableFuture<?>[] sends = released.seatsByOrder().entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()) // a paid order's hold: its seats stay sold, nothing was released
                .map(e -> kafka.send(Topics.SEAT_EVENTS, e.getKey(), SeatsReleased.newBuilder()
                        .setEventId(UUID.nameUUIDFromBytes(("SeatsReleased:" + CAUSE + ":" + e.getKey())
                                .getBytes(StandardCharsets.UTF_8)).toString())
                        .setOccurredAt(released.at())
                        .setOrderId(e.getKey())
                        .setScreeningId(released.screeningId())
                        .setHallId(released.hallId())
                        .setSeats(List.copyOf(e.getValue()))
                        .setCause(CAUSE)
                        .setFencingToken(released.fencingToken())
                        .build()))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).join();
        transaction.executeWithoutResult(status -> screenings.markApplied(event.getEventId(), clock.instant()));
    }

    /** Other catalog events (movies, cinemas, licences) are not the allocator's concern. */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
