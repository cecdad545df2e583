package dev.marquee.orderapi.catalog;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * How long a hall is busy around a movie ({@code marquee.catalog.advertising} before, {@code .cleaning} after,
 * 15 minutes each by default) and the zone that licence days and browsing days are counted in
 * ({@code marquee.catalog.zone}, the system's by default).
 */
@Component
class CatalogSettings {

    private final Duration advertising;
    private final Duration cleaning;
    private final ZoneId zone;

    CatalogSettings(CatalogProperties properties) {
        this.advertising = properties.advertising();
        this.cleaning = properties.cleaning();
        this.zone = ZoneId.of(properties.zone());
    }

    /** When a screening of a movie of this length starting then leaves the hall free again. */
    java.time.Instant endOf(java.time.Instant start, int durationMinutes) {
        return start.plus(advertising).plus(Duration.ofMinutes(durationMinutes)).plus(cleaning);
    }

    ZoneId zone() {
        return zone;
    }
}
