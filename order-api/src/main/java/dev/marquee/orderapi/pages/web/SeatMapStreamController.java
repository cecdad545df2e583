package dev.marquee.orderapi.pages.web;

import dev.marquee.orderapi.catalog.Catalog;
import dev.marquee.orderapi.catalog.ScreeningNotFoundException;
import dev.marquee.orderapi.pages.SeatMapStreams;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A screening's seat changes as server-sent events ({@code seats}: labels and their new state), for the map page. */
@RestController
class SeatMapStreamController {

    private final SeatMapStreams streams;
    private final Catalog catalog;

    SeatMapStreamController(SeatMapStreams streams, Catalog catalog) {
        this.streams = streams;
        this.catalog = catalog;
    }

    @Operation(summary = "A screening's seat changes as server-sent events (the live seat map)")
    @Permits(area = Area.SCREENINGS, access = Access.READ)
    @GetMapping(path = "/pages/screenings/{id}/seat-events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter seatEvents(@PathVariable long id) {
        catalog.screening(id).orElseThrow(() -> new ScreeningNotFoundException(id));
        return streams.watch(id);
    }
}
