package dev.marquee.orderapi.catalog;

import java.math.BigDecimal;

/** A cinema of a merchant; {@code latitude} (degrees north) and {@code longitude} (east) are null when unknown. */
public record Cinema(long id, long merchantId, String name, String city, String address, String code,
                     BigDecimal latitude, BigDecimal longitude) {
}
