package dev.marquee.boxoffice.web;

import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.marquee.boxoffice.CinemaScope;
import dev.marquee.boxoffice.DayWindow;
import dev.marquee.boxoffice.InvalidQueryException;
import dev.marquee.boxoffice.RankedMovie;
import dev.marquee.boxoffice.Ranking;
import dev.marquee.boxoffice.RankingQuery;
import dev.marquee.boxoffice.Series;
import dev.marquee.boxoffice.SeriesQuery;
import dev.marquee.boxoffice.persistence.Catalog;
import dev.marquee.boxoffice.persistence.LiveFigures;
import dev.marquee.boxoffice.rebuild.BoxOfficeRebuild;
import dev.marquee.support.openapi.Problem;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures of the live projection: top movies of a window, a movie's daily series, and the admin's rebuild.
 * Days are {@code YYYY-MM-DD} in the box office's zone, both ends included; a missing end is open.
 */
@RestController
@RequestMapping("/api/box-office")
class BoxOfficeController {

    private final LiveFigures figures;
    private final Catalog catalog;
    private final BoxOfficeRebuild rebuild;

    BoxOfficeController(LiveFigures figures, Catalog catalog, BoxOfficeRebuild rebuild) {
        this.figures = figures;
        this.catalog = catalog;
        this.rebuild = rebuild;
    }

    @Operation(summary = "Box-office rankings of a window: revenue and tickets per movie")
    @Problem(status = 400, code = "invalid-window", when = "from is after to, or the window is too long")
    @Problem(status = 400, code = "invalid-date", when = "from/to is not a date")
    @Problem(status = 400, code = "invalid-limit", when = "limit outside 1-100")
    @Problem(status = 400, code = "mixed-currencies", when = "the window holds several currencies; name one")
    @Permits(area = Area.BOX_OFFICE, access = Access.READ)
    @GetMapping("/rankings")
    RankingView rankings(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) Long cinemaId, @RequestParam(required = false) String city,
                         @RequestParam(required = false) String currency,
                         @RequestParam(defaultValue = "10") String limit) {
        RankingQuery query = new RankingQuery(window(from, to), scope(cinemaId, city), currency, limit(limit));
        Ranking ranking = figures.rank(query);
        return RankingView.of(ranking, catalog.titles(ranking.movies().stream().map(RankedMovie::movieId).toList()));
    }

    @Operation(summary = "One movie's revenue and tickets per day")
    @Problem(status = 400, code = "invalid-window", when = "from is after to, or the window is too long")
    @Problem(status = 400, code = "invalid-date", when = "from/to is not a date")
    @Problem(status = 400, code = "mixed-currencies", when = "the window holds several currencies; name one")
    @Permits(area = Area.BOX_OFFICE, access = Access.READ)
    @GetMapping("/movies/{movieId}/series")
    SeriesView series(@PathVariable long movieId, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to, @RequestParam(required = false) Long cinemaId,
                      @RequestParam(required = false) String city, @RequestParam(required = false) String currency) {
        Series series = figures.series(movieId, new SeriesQuery(window(from, to), scope(cinemaId, city), currency));
        return SeriesView.of(series, catalog.titles(List.of(movieId)).get(movieId));
    }

    /**
     * Rebuilds the projection from offset 0 up to the live offsets ({@code upTo=TOPIC_ENDS}: to the topics' ends);
     * {@code swap=false} only compares the rebuilt figures with the live ones.
     */
    @Operation(summary = "Rebuild the box office from the event log (optionally without swapping it in)")
    @Problem(status = 409, code = "rebuild-running", when = "a rebuild is already running")
    @Permits(area = Area.OPERATIONS, access = Access.WRITE)
    @PostMapping("/admin/rebuild")
    RebuildView rebuild(@RequestParam(defaultValue = "true") boolean swap,
                        @RequestParam(defaultValue = "LIVE_OFFSETS") BoxOfficeRebuild.UpTo upTo) {
        return RebuildView.of(rebuild.rebuild(upTo, swap));
    }

    private CinemaScope scope(Long cinemaId, String city) {
        CinemaScope scope = CinemaScope.all();
        if (cinemaId != null) {
            scope = scope.and(List.of(cinemaId));
        }
        if (city != null && !city.isBlank()) {
            scope = scope.and(catalog.cinemasIn(city.strip()));
        }
        return scope;
    }

    private static DayWindow window(String from, String to) {
        return new DayWindow(day("from", from), day("to", to));
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("invalid-date", name + " must be a day as YYYY-MM-DD, was '" + value + "'.");
        }
    }

    private static int limit(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("invalid-limit", "limit must be a number from 1 to "
                    + RankingQuery.MAX_LIMIT + ", was '" + value + "'.");
        }
    }
}
