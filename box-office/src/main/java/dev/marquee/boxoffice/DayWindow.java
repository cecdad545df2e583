package dev.marquee.boxoffice;

import java.time.LocalDate;

/** Days from {@code from} to {@code to}, both included; a null end is open. */
public record DayWindow(LocalDate from, LocalDate to) {

    public DayWindow {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryException("invalid-window", "The window's from (" + from + ") is after its to (" + to
                    + ").");
        }
    }

    public static DayWindow all() {
        return new DayWindow(null, null);
    }

    public static DayWindow day(LocalDate day) {
        return new DayWindow(day, day);
    }

    public boolean contains(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
}
