package dev.marquee.orderapi.catalog.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.marquee.orderapi.catalog.HallLayouts;
import dev.marquee.orderapi.catalog.ChangeScreening;
import dev.marquee.orderapi.catalog.ScheduleScreening;
import dev.marquee.orderapi.catalog.ScreeningSchedule;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Permits;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cinema end: a merchant's staff (or an admin) draw halls and schedule, publish and cancel screenings. Another
 * merchant's cinema, hall or screening answers 403 {@code forbidden-merchant}.
 */
@RestController
class CinemaController {

    private final HallLayouts halls;
    private final ScreeningSchedule screenings;

    CinemaController(HallLayouts halls, ScreeningSchedule screenings) {
        this.halls = halls;
        this.screenings = screenings;
    }

    /** @param rows the seat grid, front row first: S, W, C, L (love-seat pairs), _ (gap) and . (no seat) */
    record NewHall(String name, List<String> rows) {
    }

    record NewLayout(List<String> rows) {
    }

    record NewScreening(Long movieId, Instant startsAt, Map<String, Long> prices, String currency) {
    }

    record Change(Instant startsAt, Map<String, Long> prices) {
    }

    record Cancel(String reason) {
    }

    record ScreeningStatus(long id, String status) {
    }

    @Operation(summary = "Add a hall with its seat grid (rows of S, W, C, L, _ and .)")
    @Problem(status = 422, code = "layout-invalid", when = "the grid breaks a rule (`errors` lists row, column and reason)")
    @Problem(status = 409, code = "hall-exists", when = "the cinema has a hall of this name")
    @Problem(status = 404, code = "unknown-cinema", when = "no such cinema")
    @Problem(status = 403, code = "forbidden-merchant", when = "another merchant's cinema")
    @PostMapping("/api/cinemas/{cinemaId}/halls")
    @ResponseStatus(HttpStatus.CREATED)
    @Permits(area = Area.SCREENINGS, access = Access.MANAGE)
    HallLayouts.Layout createHall(@PathVariable long cinemaId, @RequestBody NewHall body,
                                  @AuthenticationPrincipal Caller caller) {
        return halls.createHall(caller.merchantId(), cinemaId, body.name(), body.rows());
    }

    @Operation(summary = "Change a hall's seat grid: a new layout version when screenings use the current one")
    @Problem(status = 422, code = "layout-invalid", when = "the grid breaks a rule (`errors` lists row, column and reason)")
    @Problem(status = 404, code = "unknown-hall", when = "no such hall")
    @Problem(status = 403, code = "forbidden-merchant", when = "another merchant's hall")
    @PutMapping("/api/halls/{hallId}/layout")
    @Permits(area = Area.SCREENINGS, access = Access.MANAGE)
    HallLayouts.Layout changeLayout(@PathVariable long hallId, @RequestBody NewLayout body,
                                    @AuthenticationPrincipal Caller caller) {
        return halls.changeLayout(caller.merchantId(), hallId, body.rows());
    }

    @Operation(summary = "Schedule a screening of a licensed movie in a hall (SCHEDULED until published)")
    @Problem(status = 409, code = "screening-overlap", when = "the hall has a screening at that time")
    @Problem(status = 422, code = "movie-not-licensed", when = "the cinema holds no licence for the movie")
    @Problem(status = 422, code = "outside-licence", when = "the screening falls outside the licence window")
    @Problem(status = 422, code = "price-missing", when = "a seat type of the hall has no price (`seatTypes`)")
    @Problem(status = 422, code = "unknown-movie", when = "no such movie")
    @Problem(status = 404, code = "unknown-hall", when = "no such hall")
    @Problem(status = 403, code = "forbidden-merchant", when = "another merchant's hall")
    @PostMapping("/api/halls/{hallId}/screenings")
    @ResponseStatus(HttpStatus.CREATED)
    @Permits(area = Area.SCREENINGS, access = Access.WRITE)
    ScreeningStatus schedule(@PathVariable long hallId, @RequestBody NewScreening body,
                             @AuthenticationPrincipal Caller caller) {
        long id = screenings.schedule(caller.merchantId(), new ScheduleScreening(hallId, body.movieId(),
                body.startsAt(), body.prices(), body.currency()));
        return new ScreeningStatus(id, "SCHEDULED");
    }

    @Operation(summary = "Put a scheduled screening on sale (publishes ScreeningScheduled)")
    @Problem(status = 404, code = "unknown-screening", when = "no such screening")
    @Problem(status = 409, code = "screening-cancelled", when = "the screening was cancelled")
    @Problem(status = 409, code = "screening-started", when = "the screening has started")
    @Problem(status = 403, code = "forbidden-merchant", when = "another merchant's screening")
    @PostMapping("/api/screenings/{id}/publish")
    @Permits(area = Area.SCREENINGS, access = Access.WRITE)
    ScreeningStatus publish(@PathVariable long id, @AuthenticationPrincipal Caller caller) {
        return new ScreeningStatus(id, screenings.publish(caller.merchantId(), id));
    }

    @Operation(summary = "Change a screening that has not started: its start, its prices or both (publishes ScreeningChanged when on sale)")
    @Problem(status = 409, code = "screening-has-sales", when = "moving a screening with orders holding or owning seats (prices may change: they apply to new orders)")
    @Problem(status = 409, code = "screening-overlap", when = "the hall has another screening at the new time")
    @Problem(status = 409, code = "screening-cancelled", when = "the screening was cancelled")
    @Problem(status = 409, code = "screening-started", when = "the screening has started")
    @Problem(status = 422, code = "outside-licence", when = "the new day is outside the licence window")
    @Problem(status = 422, code = "movie-not-licensed", when = "the cinema's licence for the movie was revoked")
    @Problem(status = 422, code = "price-missing", when = "a seat type of the screening's layout has no price (`seatTypes`)")
    @Problem(status = 400, code = "invalid-request", when = "neither a start nor prices, a start in the past, an unknown seat type or a negative price")
    @Problem(status = 404, code = "unknown-screening", when = "no such screening")
    @Problem(status = 403, code = "forbidden-merchant", when = "another merchant's screening")
    @PatchMapping("/api/screenings/{id}")
    @Permits(area = Area.SCREENINGS, access = Access.WRITE)
    ScreeningSchedule.ScreeningView change(@PathVariable long id, @RequestBody Change body,
                                           @AuthenticationPrincipal Caller caller) {
        return screenings.change(caller.merchantId(), id, new ChangeScreening(body.startsAt(), body.prices()));
    }

    @Operation(summary = "Cancel a screening: sales stop at once, holds are released and paid orders refunded")
    @Problem(status = 404, code = "unknown-screening", when = "no such screening")
    @Problem(status = 409, code = "screening-started", when = "the screening has started")
    @Problem(status = 403, code = "forbidden-merchant", when = "another merchant's screening")
    @PostMapping("/api/screenings/{id}/cancel")
    @Permits(area = Area.SCREENINGS, access = Access.MANAGE)
    ScreeningStatus cancel(@PathVariable long id, @RequestBody(required = false) Cancel body,
                           @AuthenticationPrincipal Caller caller) {
        return new ScreeningStatus(id, screenings.cancel(caller.merchantId(), id, body == null ? null : body.reason()));
    }
}
