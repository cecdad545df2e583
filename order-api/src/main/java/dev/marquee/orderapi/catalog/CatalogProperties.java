package dev.marquee.orderapi.catalog;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.catalog.*}.
 *
 * @param advertising  added before a movie's length: how long a hall is busy before the movie starts
 * @param cleaning     added after a movie's length before its hall is free again
 * @param zone         the zone licence days and the browse's {@code day=} are counted in (unset: the system's)
 * @param browseMaxAge {@code Cache-Control: public, max-age} of {@code /api/movies}, {@code /api/cinemas},
 *                     {@code /api/screenings}
 * @param cacheTtl     how long an order-api instance keeps a screening and a layout; a cancel through that
 *                     instance is seen at once, through another within this TTL
 */
@ConfigurationProperties("marquee.catalog")
public record CatalogProperties(@DefaultValue("15m") Duration advertising,
                                @DefaultValue("15m") Duration cleaning,
                                String zone,
                                @DefaultValue("30s") Duration browseMaxAge,
                                @DefaultValue("30s") Duration cacheTtl) {

    public CatalogProperties {
        zone = zone == null || zone.isBlank() ? ZoneId.systemDefault().getId() : zone;
    }
}
