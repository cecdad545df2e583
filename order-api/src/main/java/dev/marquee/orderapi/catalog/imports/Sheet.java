package dev.marquee.orderapi.catalog.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sheets of a catalog file, in the order they are validated and written (a row may name what an earlier sheet
 * holds), each with its columns (README "Importing a catalog").
 */
enum Sheet {
    MERCHANTS("code", "name"),
    CINEMAS("code", "merchant", "name", "city", "address", "latitude", "longitude"),
    MOVIES("code", "title", "original_title", "director", "cast", "genres", "country", "language", "duration_minutes",
            "format", "opening_day", "poster_url", "status"),
    HALLS("cinema", "name", "row"),
    LICENCES("cinema", "movie", "valid_from", "valid_to"),
    SCREENINGS("cinema", "hall", "movie", "starts_at", "currency", "standard", "wheelchair", "companion", "love_seat"),
    ACCOUNTS("phone", "role", "merchant", "name", "password");

    private final List<String> columns;

    Sheet(String... columns) {
        this.columns = List.of(columns);
    }

    List<String> columns() {
        return columns;
    }

    /** The name of the sheet (or of its {@code .csv} file): {@code screenings}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Sheet> named(String name) {
        String plain = name.strip().toLowerCase(Locale.ROOT);
        int slash = Math.max(plain.lastIndexOf('/'), plain.lastIndexOf('\\'));
        plain = plain.substring(slash + 1);
        if (plain.endsWith(".csv")) {
            plain = plain.substring(0, plain.length() - 4);
        }
        for (Sheet sheet : values()) {
            if (sheet.label().equals(plain)) {
                return Optional.of(sheet);
            }
        }
        return Optional.empty();
    }
}
