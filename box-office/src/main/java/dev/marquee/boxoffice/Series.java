package dev.marquee.boxoffice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A movie's figures day by day, in one currency: every day from its first to its last day with sales in the
 * window, days without sales as zeros ({@code currency} null and no points when nothing was sold).
 */
public record Series(long movieId, DayWindow window, String currency, List<DailyPoint> points) {

    public Series {
        points = List.copyOf(points);
    }

    /** The series of day totals however they were summed (the live tables or a tally). */
    public static Series of(long movieId, List<DayTotal> days, SeriesQuery query) {
        String currency = Currencies.choose(query.currency(), days.stream().map(DayTotal::currency));
        Map<LocalDate, DayTotal> byDay = days.stream().filter(d -> d.currency().equals(currency))
                .collect(Collectors.toMap(DayTotal::day, Function.identity()));
        List<DailyPoint> points = new ArrayList<>();
        if (!byDay.isEmpty()) {
            LocalDate last = byDay.keySet().stream().max(LocalDate::compareTo).orElseThrow();
            for (LocalDate day = byDay.keySet().stream().min(LocalDate::compareTo).orElseThrow();
                 !day.isAfter(last); day = day.plusDays(1)) {
                DayTotal total = byDay.get(day);
                points.add(total == null ? new DailyPoint(day, 0, 0)
                        : new DailyPoint(day, total.revenueMinor(), total.tickets()));
            }
        }
        return new Series(movieId, query.window(), currency, points);
    }
}
