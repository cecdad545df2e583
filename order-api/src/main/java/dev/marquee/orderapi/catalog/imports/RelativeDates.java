package dev.marquee.orderapi.catalog.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as a catalog file writes them: ISO ({@code 2026-12-24}, {@code 2026-12-24T18:00} or with a space), or
 * relative to the order-api's day ({@code today}, {@code today+7}, {@code today-1}, {@code today+1 18:00}), so that
 * an example file (the demo catalog) stays in the future.
 */
final class RelativeDates {

    private static final Pattern RELATIVE = Pattern.compile("today(?:([+-])(\\d{1,4}))?(?:[ t](\\d{1,2}:\\d{2}(?::\\d{2})?))?");

    private RelativeDates() {
    }

    static LocalDate date(String text) {
        Matcher relative = RELATIVE.matcher(text.strip().toLowerCase());
        if (relative.matches() && relative.group(3) == null) {
            return day(relative);
        }
        return LocalDate.parse(text.strip());
    }

    static LocalDateTime dateTime(String text) {
        Matcher relative = RELATIVE.matcher(text.strip().toLowerCase());
        if (relative.matches() && relative.group(3) != null) {
            String time = relative.group(3);
            return day(relative).atTime(LocalTime.parse(time.length() == 4 ? "0" + time : time));
        }
        return LocalDateTime.parse(text.strip().replace(' ', 'T'));
    }

    private static LocalDate day(Matcher relative) {
        LocalDate today = LocalDate.now();
        if (relative.group(1) == null) {
            return today;
        }
        long days = Long.parseLong(relative.group(2));
        return relative.group(1).equals("+") ? today.plusDays(days) : today.minusDays(days);
    }
}
