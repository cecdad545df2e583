package dev.marquee.boxoffice;

import java.time.LocalDate;

/** A movie's revenue and tickets of one day in one currency, summed over the cells a query selects. */
public record DayTotal(LocalDate day, String currency, long revenueMinor, long tickets) {

    record Key(LocalDate day, String currency) {
    }
}
