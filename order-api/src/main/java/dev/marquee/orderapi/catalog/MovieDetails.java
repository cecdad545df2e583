package dev.marquee.orderapi.catalog;

import java.time.LocalDate;
import java.util.Set;

/** What a movie is (DESIGN §1), its natural key ({@code code}) and its status. */
public record MovieDetails(String code, String title, String originalTitle, String director, String cast,
                           String genres, String country, String language, Integer durationMinutes, String format,
                           LocalDate openingDay, String posterUrl, String status) {

    public static final Set<String> STATUSES = Set.of("COMING_SOON", "SHOWING", "WITHDRAWN");
    public static final Set<String> FORMATS = Set.of("2D", "3D", "IMAX");

    void validate() {
        new Fields().required("code", code).required("title", title).required("durationMinutes", durationMinutes)
                .required("openingDay", openingDay)
                .check(code == null || code.length() <= 60, "code", "at most 60 characters")
                .check(durationMinutes == null || durationMinutes > 0 && durationMinutes <= 600, "durationMinutes",
                        "1 to 600 minutes")
                .check(format == null || FORMATS.contains(format), "format", "one of " + FORMATS)
                .check(status == null || STATUSES.contains(status), "status", "one of " + STATUSES)
                .orRefuse();
    }

    String statusOrDefault() {
        return status == null ? "SHOWING" : status;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
