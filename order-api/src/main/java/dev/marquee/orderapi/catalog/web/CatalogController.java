package dev.marquee.orderapi.catalog.web;

import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.marquee.orderapi.catalog.Catalog;
import dev.marquee.orderapi.catalog.Cinema;
import dev.marquee.orderapi.catalog.Movie;
import dev.marquee.orderapi.catalog.Screening;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Browsing: movies, cinemas and screenings. */
@RestController
@RequestMapping("/api")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "The movies in the catalog")
    @Permits(area = Area.CATALOG, access = Access.READ)
    @GetMapping("/movies")
    List<MovieView> movies() {
        return catalog.movies().stream().map(MovieView::of).toList();
    }

    @Operation(summary = "The cinemas")
    @Permits(area = Area.CATALOG, access = Access.READ)
    @GetMapping("/cinemas")
    List<CinemaView> cinemas() {
        return catalog.cinemas().stream().map(CinemaView::of).toList();
    }

    @Operation(summary = "Screenings, optionally of one movie")
    @Permits(area = Area.SCREENINGS, access = Access.READ)
    @GetMapping("/screenings")
    List<ScreeningView> screenings(@RequestParam(required = false) Long movieId,
                                   @RequestParam(required = false) Long cinemaId) {
        return catalog.screenings(movieId, cinemaId).stream().map(ScreeningView::of).toList();
    }

    record MovieView(long id, String title, String originalTitle, String director, String cast, String genres,
                     String country, String language, int durationMinutes, String format, String openingDay,
                     String posterUrl) {
        static MovieView of(Movie m) {
            return new MovieView(m.id(), m.title(), m.originalTitle(), m.director(), m.cast(), m.genres(),
                    m.country(), m.language(), m.durationMinutes(), m.format(), m.openingDay().toString(),
                    m.posterUrl());
        }
    }

    record CinemaView(long id, String name, String city, String address) {
        static CinemaView of(Cinema c) {
            return new CinemaView(c.id(), c.name(), c.city(), c.address());
        }
    }

    record ScreeningView(long id, long movieId, String movieTitle, long cinemaId, String cinemaName, long hallId,
                         String hallName, Instant startsAt, Instant endsAt, String currency,
                         Map<String, Long> pricesMinor) {
        static ScreeningView of(Screening s) {
            return new ScreeningView(s.id(), s.movie().id(), s.movie().title(), s.hall().cinema().id(),
                    s.hall().cinema().name(), s.hall().id(), s.hall().name(), s.startsAt(), s.endsAt(),
                    s.currency(), s.prices());
        }
    }
}
