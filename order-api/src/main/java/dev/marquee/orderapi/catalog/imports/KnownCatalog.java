package dev.marquee.orderapi.catalog.imports;

import java.time.LocalDate;
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
    };
}
