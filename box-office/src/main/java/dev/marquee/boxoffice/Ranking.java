package dev.marquee.boxoffice;

import java.util.List;

/**
 * The top movies of a window by revenue. The totals are over every movie of the window and scope in the currency,
 * not only the listed ones. {@code currency} is null when nothing was sold.
 */
public record Ranking(DayWindow window, String currency, long totalRevenueMinor, long totalTickets,
                      List<RankedMovie> movies) {

    public Ranking {
        movies = List.copyOf(movies);
    }
}
