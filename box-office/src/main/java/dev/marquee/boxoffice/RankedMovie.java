package dev.marquee.boxoffice;

import java.math.BigDecimal;

/** A movie's place in a ranking; {@code share} is its part of the window's revenue, exact to 4 decimals. */
public record RankedMovie(int rank, long movieId, long revenueMinor, long tickets, BigDecimal share) {
}
