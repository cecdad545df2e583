package dev.marquee.boxoffice.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.marquee.boxoffice.Ranking;

/** A ranking as the API answers it, with the catalog's titles (null for a movie the catalog does not know). */
record RankingView(LocalDate from, LocalDate to, String currency, long totalRevenueMinor, long totalTickets,
                   List<Entry> rankings) {

    record Entry(int rank, long movieId, String title, long revenueMinor, long tickets, BigDecimal share) {
    }

    static RankingView of(Ranking ranking, Map<Long, String> titles) {
        return new RankingView(ranking.window().from(), ranking.window().to(), ranking.currency(),
                ranking.totalRevenueMinor(), ranking.totalTickets(), ranking.movies().stream()
                .map(m -> new Entry(m.rank(), m.movieId(), titles.get(m.movieId()), m.revenueMinor(), m.tickets(),
                        m.share()))
                .toList());
    }
}
