package dev.marquee.boxoffice;

import java.time.LocalDate;
import java.util.Objects;

/** Where a sale counts: the movie, the cinema, the day it was paid (in the box office's zone) and its currency. */
public record Cell(long movieId, long cinemaId, LocalDate day, String currency) implements Comparable<Cell> {

    public Cell {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(currency, "currency");
    }

    /** The primary-key order of the cell table, so writers lock rows in one order. */
    @Override
    public int compareTo(Cell other) {
        int c = Long.compare(movieId, other.movieId);
        if (c == 0) {
            c = Long.compare(cinemaId, other.cinemaId);
        }
        if (c == 0) {
            c = day.compareTo(other.day);
        }
        return c != 0 ? c : currency.compareTo(other.currency);
    }
}
