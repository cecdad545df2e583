package dev.marquee.boxoffice;

import java.util.Objects;

/** The days of a movie's series: sales paid in the window, in the scope's cinemas, in {@code currency} (or the only one). */
public record SeriesQuery(DayWindow window, CinemaScope scope, String currency) {

    public SeriesQuery {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(scope, "scope");
    }

    public static SeriesQuery of(DayWindow window) {
        return new SeriesQuery(window, CinemaScope.all(), null);
    }
}
