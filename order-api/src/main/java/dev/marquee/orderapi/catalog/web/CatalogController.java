package dev.marquee.orderapi.catalog.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.marquee.orderapi.catalog.Browsing;
import dev.marquee.orderapi.catalog.Catalog;
import dev.marquee.orderapi.catalog.CatalogProperties;
import dev.marquee.orderapi.catalog.Movie;
import dev.marquee.orderapi.catalog.Screening;
import dev.marquee.orderapi.catalog.ScreeningNotFoundException;
import dev.marquee.orderapi.seatmap.SeatMap;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Browsing: movies, cinemas and screenings, a page at a time ({@code page} from 0, {@code size} up to 100; the
 * body is the page's items, {@code X-Total-Count} the whole list's size). Answers are public and cacheable for
 * {@code marquee.catalog.browse-max-age} (default 30 s) and carry an ETag, so a CDN or a client revalidates with
 * {@code If-None-Match} and gets 304 while nothing changed ({@link BrowseCaching}).
 */
@RestController
@RequestMapping("/api")
class CatalogController {

    static final String TOTAL = "X-Total-Count";

    private final Browsing browsing;
    private final Catalog catalog;
    private final SeatMap seatMap;
    private final CacheControl cacheControl;

    CatalogController(Browsing browsing, Catalog catalog, SeatMap seatMap, CatalogProperties catalogProperties) {
        this.browsing = browsing;
        this.catalog = catalog;
        this.seatMap = seatMap;
        this.cacheControl = CacheControl.maxAge(catalogProperties.browseMaxAge()).cachePublic();
    }

    @Operation(summary = "Movies, by status (SHOWING, COMING_SOON); paginated, X-Total-Count, cacheable")
    @Permits(area = Area.CATALOG, access = Access.READ)
    @GetMapping("/movies")
    ResponseEntity<List<MovieView>> movies(@RequestParam(required = false) Set<String> status,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        return answer(browsing.movies(status == null ? Set.of() : status, page, bounded(size)), MovieView::of);
    }

    @Operation(summary = "Cinemas, by city or nearest to near=lat,lon first; paginated, cacheable")
    @Permits(area = Area.CATALOG, access = Access.READ)
    @GetMapping("/cinemas")
    ResponseEntity<List<CinemaView>> cinemas(@RequestParam(required = false) String city,
                                             @RequestParam(required = false) List<Double> near,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        double[] point = near == null || near.size() != 2 ? null : new double[] {near.get(0), near.get(1)};
        return answer(browsing.cinemas(city, point, page, bounded(size)), CinemaView::of);
    }

    @Operation(summary = "Screenings on sale by movie, cinema and day, with seats left; paginated, cacheable")
    @Permits(area = Area.SCREENINGS, access = Access.READ)
    @GetMapping("/screenings")
    ResponseEntity<List<ScreeningView>> screenings(@RequestParam(required = false) Long movieId,
                                                   @RequestParam(required = false) Long cinemaId,
                                                   @RequestParam(required = false) LocalDate day,
                                                   @RequestParam(defaultValue = "0") int page,
                                                   @RequestParam(defaultValue = "20") int size) {
        return answer(browsing.screenings(movieId, cinemaId, day, page, bounded(size)),
                s -> ScreeningView.of(s, seatMap.availability(s, List.of()).free()));
    }

    /** One screening as the list shows it (the seat map's page names its movie, cinema, hall and start with it). */
    @Operation(summary = "One screening: movie, cinema, hall, start, prices per seat type and seats left; cacheable")
    @Problem(status = 404, code = "screening-not-found", when = "no such screening")
    @Permits(area = Area.SCREENINGS, access = Access.READ)
    @GetMapping("/screenings/{id}")
    ResponseEntity<ScreeningView> screening(@PathVariable long id) {
        Screening screening = catalog.screening(id).orElseThrow(() -> new ScreeningNotFoundException(id));
        return ResponseEntity.ok().cacheControl(cacheControl)
                .body(ScreeningView.of(screening, seatMap.availability(screening, List.of()).free()));
    }

    private <T, V> ResponseEntity<List<V>> answer(Browsing.Page<T> page, Function<T, V> view) {
        return ResponseEntity.ok().cacheControl(cacheControl).header(TOTAL, Long.toString(page.total()))
                .body(page.items().stream().map(view).toList());
    }

    private static int bounded(int size) {
        return Math.max(1, Math.min(100, size));
    }

    record MovieView(long id, String code, String title, String originalTitle, String director, String cast,
                     String genres, String country, String language, int durationMinutes, String format,
                     String openingDay, String posterUrl, String status) {
        static MovieView of(Movie m) {
            return new MovieView(m.id(), m.code(), m.title(), m.originalTitle(), m.director(), m.cast(), m.genres(),
                    m.country(), m.language(), m.durationMinutes(), m.format(), m.openingDay().toString(),
                    m.posterUrl(), m.status());
        }
    }

    record CinemaView(long id, String code, String name, String city, String address, BigDecimal latitude,
                      BigDecimal longitude, Double distanceKm) {
        static CinemaView of(Browsing.NearbyCinema n) {
            return new CinemaView(n.cinema().id(), n.cinema().code(), n.cinema().name(), n.cinema().city(),
                    n.cinema().address(), n.cinema().latitude(), n.cinema().longitude(),
                    n.distanceKm() == null ? null : Math.round(n.distanceKm() * 100) / 100.0);
        }
    }

    record ScreeningView(long id, long movieId, String movieTitle, long cinemaId, String cinemaName, long hallId,
                         String hallName, Instant startsAt, Instant endsAt, String currency,
                         Map<String, Long> pricesMinor, int seatsLeft) {
        static ScreeningView of(Screening s, int seatsLeft) {
            return new ScreeningView(s.id(), s.movie().id(), s.movie().title(), s.hall().cinema().id(),
                    s.hall().cinema().name(), s.hall().id(), s.hall().name(), s.startsAt(), s.endsAt(),
                    s.currency(), s.prices(), Math.max(0, seatsLeft));
        }
    }
}
