package dev.marquee.boxoffice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks movie totals, wherever they were summed (the live tables or a tally): by revenue, then tickets, both
 * descending, then by movie id, so ties always come out in the same order. A movie whose sales were all refunded
 * (nothing left) is not ranked. Shares are exact: revenue over the total, rounded half-even to 4 decimals.
 */
public final class Rankings {

    public static final int SHARE_SCALE = 4;

    private static final Comparator<MovieTotal> ORDER = Comparator.comparingLong(MovieTotal::revenueMinor).reversed()
            .thenComparing(Comparator.comparingLong(MovieTotal::tickets).reversed())
            .thenComparingLong(MovieTotal::movieId);

    private Rankings() {
    }

    public static Ranking rank(List<MovieTotal> totals, RankingQuery query) {
        String currency = Currencies.choose(query.currency(), totals.stream().map(MovieTotal::currency));
        List<MovieTotal> ranked = totals.stream()
                .filter(t -> t.currency().equals(currency) && (t.revenueMinor() != 0 || t.tickets() != 0))
                .sorted(ORDER).toList();
        long revenue = ranked.stream().mapToLong(MovieTotal::revenueMinor).reduce(0, Math::addExact);
        long tickets = ranked.stream().mapToLong(MovieTotal::tickets).sum();
        List<RankedMovie> movies = new ArrayList<>();
        for (MovieTotal t : ranked.subList(0, Math.min(query.limit(), ranked.size()))) {
            movies.add(new RankedMovie(movies.size() + 1, t.movieId(), t.revenueMinor(), t.tickets(),
                    share(t.revenueMinor(), revenue)));
        }
        return new Ranking(query.window(), currency, revenue, tickets, movies);
    }

    static BigDecimal share(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(SHARE_SCALE);
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SHARE_SCALE, RoundingMode.HALF_EVEN);
    }
}
