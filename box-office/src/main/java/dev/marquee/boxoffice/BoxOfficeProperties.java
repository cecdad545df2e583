package dev.marquee.boxoffice;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.box-office.*}.
 *
 * @param zone the zone whose calendar days the figures are per (a sale counts on the day it was paid there)
 */
@ConfigurationProperties("marquee.box-office")
public record BoxOfficeProperties(@DefaultValue("Asia/Shanghai") String zone) {

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
