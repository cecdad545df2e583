package dev.marquee.boxoffice.web;

import java.time.LocalDate;
import java.util.List;

import dev.marquee.boxoffice.DailyPoint;
import dev.marquee.boxoffice.Series;

/** A movie's daily series as the API answers it. */
record SeriesView(long movieId, String title, LocalDate from, LocalDate to, String currency, List<DailyPoint> points) {

    static SeriesView of(Series series, String title) {
        return new SeriesView(series.movieId(), title, series.window().from(), series.window().to(), series.currency(),
                series.points());
    }
}
