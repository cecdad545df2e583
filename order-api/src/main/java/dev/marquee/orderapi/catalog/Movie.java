package dev.marquee.orderapi.catalog;

import java.time.LocalDate;

/** A movie as browsed; {@code status} is COMING_SOON, SHOWING or WITHDRAWN. */
public record Movie(long id, String code, String status, String title, String originalTitle, String director,
                    String cast, String genres, String country, String language, int durationMinutes, String format,
                    LocalDate openingDay, String posterUrl) {
}
