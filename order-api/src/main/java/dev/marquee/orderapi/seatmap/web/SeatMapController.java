package dev.marquee.orderapi.seatmap.web;

import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
import java.time.Duration;

import dev.marquee.orderapi.catalog.ScreeningNotFoundException;
import dev.marquee.orderapi.seatmap.SeatMap;
import dev.marquee.orderapi.seatmap.SeatMapView;
import dev.marquee.support.openapi.Problem;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SeatMapController {

    private final SeatMap seatMap;

    SeatMapController(SeatMap seatMap) {
        this.seatMap = seatMap;
    }

    /** Every seat with FREE / HELD / SOLD, type and price; a CDN may keep it for a second. */
    @Operation(summary = "A screening's seat map: every seat with its state (free, held, sold), type and price")
    @Problem(status = 404, code = "screening-not-found", when = "no such screening")
    @Permits(area = Area.SCREENINGS, access = Access.READ)
    @GetMapping("/api/screenings/{id}/seats")
    ResponseEntity<SeatMapView> seats(@PathVariable long id) {
        return seatMap.of(id)
                .map(view -> ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(1))).body(view))
                .orElseThrow(() -> new ScreeningNotFoundException(id));
    }
}
