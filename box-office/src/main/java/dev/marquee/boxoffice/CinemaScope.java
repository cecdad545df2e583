package dev.marquee.boxoffice;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The cinemas whose sales count: all of them, or a set (one cinema, the cinemas of a city, or both at once). */
public record CinemaScope(Set<Long> cinemaIds) {

    private static final CinemaScope ALL = new CinemaScope(null);

    public CinemaScope {
        cinemaIds = cinemaIds == null ? null : Set.copyOf(cinemaIds);
    }

    public static CinemaScope all() {
        return ALL;
    }

    public static CinemaScope of(Collection<Long> cinemaIds) {
        return new CinemaScope(Set.copyOf(cinemaIds));
    }

    public boolean isAll() {
        return cinemaIds == null;
    }

    public boolean includes(long cinemaId) {
        return cinemaIds == null || cinemaIds.contains(cinemaId);
    }

    /** The cinemas in both scopes. */
    public CinemaScope and(Collection<Long> others) {
        if (cinemaIds == null) {
            return of(others);
        }
        Set<Long> both = new HashSet<>(cinemaIds);
        both.retainAll(Set.copyOf(others));
        return new CinemaScope(both);
    }
}
