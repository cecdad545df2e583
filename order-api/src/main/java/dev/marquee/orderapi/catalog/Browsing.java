package dev.marquee.orderapi.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * What customers browse: movies showing or coming soon, cinemas by city or nearest to a point, screenings on sale
 * (not yet started) by movie, cinema and day. Each answer is one page of a sorted list.
 */
@Service
public class Browsing {

    private static final double EARTH_RADIUS_KM = 6371.0;

    private final Movies movies;
    private final Cinemas cinemas;
    private final Screenings screenings;
    private final CatalogSettings settings;
    private final Clock clock;

    Browsing(Movies movies, Cinemas cinemas, Screenings screenings, CatalogSettings settings, Clock clock) {
        this.movies = movies;
        this.cinemas = cinemas;
        this.screenings = screenings;
        this.settings = settings;
        this.clock = clock;
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
        static <T> Page<T> of(List<T> all, int page, int size) {
            int from = Math.min(all.size(), Math.max(0, page) * size);
            return new Page<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), page, size,
                    all.size());
        }
    }

    /** A cinema and, when asked for cinemas near a point, how far it is (km, else null). */
    public record NearbyCinema(Cinema cinema, Double distanceKm) {
    }

    /** Movies of these statuses (none: showing and coming soon) by opening day, then title. */
    public Page<Movie> movies(Set<String> statuses, int page, int size) {
        Set<String> wanted = statuses.isEmpty() ? Set.of("SHOWING", "COMING_SOON") : statuses;
        return Page.of(movies.findAll().stream().filter(m -> wanted.contains(m.status()))
                .sorted(Comparator.comparing(Movie::openingDay).thenComparing(Movie::title)
                        .thenComparing(Movie::id)).toList(), page, size);
    }

    /** Cinemas of a city (any, when null) by name; nearest first when {@code near} is given (those with coordinates). */
    public Page<NearbyCinema> cinemas(String city, double[] near, int page, int size) {
        List<NearbyCinema> found = cinemas.findAll().stream()
                .filter(c -> city == null || c.city().equalsIgnoreCase(city))
                .filter(c -> near == null || c.latitude() != null)
                .map(c -> new NearbyCinema(c, near == null ? null : distanceKm(near, c.latitude(), c.longitude())))
                .sorted(near == null ? Comparator.comparing((NearbyCinema n) -> n.cinema().name())
                        .thenComparing(n -> n.cinema().id())
                        : Comparator.comparing(NearbyCinema::distanceKm).thenComparing(n -> n.cinema().id()))
                .toList();
        return Page.of(found, page, size);
    }

    /** Screenings on sale that have not started, of a movie, a cinema and a day (each optional), by start. */
    public Page<Screening> screenings(Long movieId, Long cinemaId, LocalDate day, int page, int size) {
        Instant now = clock.instant();
        Instant from = day == null ? now : later(now, day.atStartOfDay(settings.zone()).toInstant());
        Instant to = day == null ? Instant.parse("9999-12-31T00:00:00Z")
                : day.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        return Page.of(screenings.search(movieId, cinemaId, from, to), page, size);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Great-circle distance (haversine), in km. */
    static double distanceKm(double[] from, BigDecimal latitude, BigDecimal longitude) {
        double lat1 = Math.toRadians(from[0]);
        double lat2 = Math.toRadians(latitude.doubleValue());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(longitude.doubleValue() - from[1]);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
