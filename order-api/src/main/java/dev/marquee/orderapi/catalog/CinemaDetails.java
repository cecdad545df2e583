package dev.marquee.orderapi.catalog;

import java.math.BigDecimal;

/** What a cinema is: its natural key ({@code code}), where it is and its coordinates (optional). */
public record CinemaDetails(String code, String name, String city, String address, BigDecimal latitude,
                            BigDecimal longitude) {

    void validate() {
        new Fields().required("code", code).required("name", name).required("city", city)
                .required("address", address)
                .check(code == null || code.length() <= 40, "code", "at most 40 characters")
                .check((latitude == null) == (longitude == null), "latitude", "latitude and longitude go together")
                .check(latitude == null || latitude.abs().compareTo(BigDecimal.valueOf(90)) <= 0, "latitude",
                        "between -90 and 90")
                .check(longitude == null || longitude.abs().compareTo(BigDecimal.valueOf(180)) <= 0, "longitude",
                        "between -180 and 180")
                .orRefuse();
    }
}
