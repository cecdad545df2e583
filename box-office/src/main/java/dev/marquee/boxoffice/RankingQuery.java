package dev.marquee.boxoffice;

import java.util.Objects;

/**
 * Which movies to rank: sales paid on the window's days, in the scope's cinemas, in {@code currency} (null: the
 * only currency there is), the top {@code limit} (1 to 100).
 */
public record RankingQuery(DayWindow window, CinemaScope scope, String currency, int limit) {

    public static final int MAX_LIMIT = 100;

    public RankingQuery {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(scope, "scope");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("invalid-limit", "limit must be from 1 to " + MAX_LIMIT + ", was " + limit
                    + ".");
        }
    }

    public static RankingQuery top(int limit, DayWindow window) {
        return new RankingQuery(window, CinemaScope.all(), null, limit);
    }
}
