package dev.marquee.boxoffice;

/** A movie's revenue and tickets in one currency, summed over the cells a query selects. */
public record MovieTotal(long movieId, String currency, long revenueMinor, long tickets) {

    record Key(long movieId, String currency) {
    }
}
