package dev.marquee.orderapi.catalog.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.marquee.orderapi.catalog.HallLayouts;
import dev.marquee.orderapi.catalog.ScheduleScreening;
import dev.marquee.orderapi.catalog.ScreeningSchedule;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Permits;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

    record Cancel(String reason) {
    }

    record ScreeningStatus(long id, String status) {
    }

    @PostMapping("/api/cinemas/{cinemaId}/halls")
    @ResponseStatus(HttpStatus.CREATED)
    @Permits(area = Area.SCREENINGS, access = Access.MANAGE)
    HallLayouts.Layout createHall(@PathVariable long cinemaId, @RequestBody NewHall body,
                                  @AuthenticationPrincipal Caller caller) {
        return halls.createHall(caller.merchantId(), cinemaId, body.name(), body.rows());
    }

    @PutMapping("/api/halls/{hallId}/layout")
    @Permits(area = Area.SCREENINGS, access = Access.MANAGE)
    HallLayouts.Layout changeLayout(@PathVariable long hallId, @RequestBody NewLayout body,
                                    @AuthenticationPrincipal Caller caller) {
        return halls.changeLayout(caller.merchantId(), hallId, body.rows());
    }

    @PostMapping("/api/halls/{hallId}/screenings")
    @ResponseStatus(HttpStatus.CREATED)
    @Permits(area = Area.SCREENINGS, access = Access.WRITE)
    ScreeningStatus schedule(@PathVariable long hallId, @RequestBody NewScreening body,
                             @AuthenticationPrincipal Caller caller) {
        long id = screenings.schedule(caller.merchantId(), new ScheduleScreening(hallId, body.movieId(),
                body.startsAt(), body.prices(), body.currency()));
        return new ScreeningStatus(id, "SCHEDULED");
    }

    @PostMapping("/api/screenings/{id}/publish")
    @Permits(area = Area.SCREENINGS, access = Access.WRITE)
    ScreeningStatus publish(@PathVariable long id, @AuthenticationPrincipal Caller caller) {
        return new ScreeningStatus(id, screenings.publish(caller.merchantId(), id));
    }

    @PostMapping("/api/screenings/{id}/cancel")
    @Permits(area = Area.SCREENINGS, access = Access.MANAGE)
    ScreeningStatus cancel(@PathVariable long id, @RequestBody(required = false) Cancel body,
                           @AuthenticationPrincipal Caller caller) {
        return new ScreeningStatus(id, screenings.cancel(caller.merchantId(), id, body == null ? null : body.reason()));
    }
}
