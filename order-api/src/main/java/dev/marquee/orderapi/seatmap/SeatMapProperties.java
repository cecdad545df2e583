package dev.marquee.orderapi.seatmap;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.seat-map.*}.
 *
 * @param maxAge how stale the seat map may be: claims are read from the ledger at most once per this per screening
 */
@ConfigurationProperties("marquee.seat-map")
record SeatMapProperties(@DefaultValue("250ms") Duration maxAge) {
}
