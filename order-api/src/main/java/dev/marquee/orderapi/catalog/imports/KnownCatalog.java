package dev.marquee.orderapi.catalog.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the catalog already holds, for rows naming something the file does not. */
interface KnownCatalog {

    boolean merchant(String code);

    boolean cinema(String code);

    Optional<Integer> movieDuration(String code);

    /** The seat types of the hall's current layout, if the hall exists. */
    Optional<Set<String>> hallSeatTypes(String cinema, String hall);

    /** The licence's window, if there is one that is not revoked: [from, to]. */
    Optional<LocalDate[]> licence(String cinema, String movie);

    /** The hall's screenings that are not cancelled, each [starts, ends). */
    List<LocalDateTime[]> screenings(String cinema, String hall);

    /** Whether the phone is an administrator's: an import never changes those. */
    boolean administrator(String phone);

    KnownCatalog NONE = new KnownCatalog() {
        public boolean merchant(String code) {
            return false;
        }

        public boolean cinema(String code) {
            return false;
        }

        public Optional<Integer> movieDuration(String code) {
            return Optional.empty();
        }

        public Optional<Set<String>> hallSeatTypes(String cinema, String hall) {
            return Optional.empty();
        }

        public Optional<LocalDate[]> licence(String cinema, String movie) {
            return Optional.empty();
        }

        public List<LocalDateTime[]> screenings(String cinema, String hall) {
            return List.of();
        }

        public boolean administrator(String phone) {
            return false;
        }
    };
}
