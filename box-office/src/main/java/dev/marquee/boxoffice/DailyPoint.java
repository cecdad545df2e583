package dev.marquee.boxoffice;

import java.time.LocalDate;

/** A movie's revenue and tickets of one day. */
public record DailyPoint(LocalDate day, long revenueMinor, long tickets) {
}
