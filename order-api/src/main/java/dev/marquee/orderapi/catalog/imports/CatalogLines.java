package dev.marquee.orderapi.catalog.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.marquee.orderapi.catalog.GridSeat;

/** The valid lines of a catalog file, typed; what the import writes. */
record CatalogLines(List<Merchant> merchants, List<Cinema> cinemas, List<Movie> movies, List<Hall> halls,
                    List<Licence> licences, List<Screening> screenings, List<Account> accounts) {

    record Merchant(String code, String name) {
    }

    record Cinema(String code, String merchant, String name, String city, String address, BigDecimal latitude,
                  BigDecimal longitude) {
    }

    record Movie(String code, String title, String originalTitle, String director, String cast, String genres,
                 String country, String language, int durationMinutes, String format, LocalDate openingDay,
                 String posterUrl, String status) {
    }

    record Hall(String cinema, String name, List<String> rows, List<GridSeat> seats) {
    }

    record Licence(String cinema, String movie, LocalDate validFrom, LocalDate validTo) {
    }

    /** @param prices minor units by seat type ({@code STANDARD}, …), only the types given */
    record Screening(String cinema, String hall, String movie, LocalDateTime startsAt, String currency,
                     Map<String, Long> prices) {
    }

    /** @param password null: the account signs in by SMS code only */
    record Account(String phone, String role, String merchant, String name, String password) {
    }

    int size() {
        return merchants.size() + cinemas.size() + movies.size() + halls.size() + licences.size() + screenings.size()
                + accounts.size();
    }
}
