package dev.marquee.orderapi.catalog.imports;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.marquee.orderapi.catalog.HallGrid;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Account;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Cinema;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Hall;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Licence;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Merchant;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Movie;
import dev.marquee.orderapi.catalog.imports.CatalogLines.Screening;

/**
 * Checks every line of a catalog file before anything is written, and types the good ones. A line that names
 * something (a merchant, cinema, hall, movie) finds it among the file's valid lines or in the catalog; a line naming
 * a refused line is refused too, so that {@code --skip-invalid} never writes half a dependency.
 */
final class CatalogValidation {

    /** What the import may write, and why the other lines are refused. */
    record Result(CatalogLines lines, List<RowError> errors) {
    }

    static final Set<String> MOVIE_STATUSES = Set.of("COMING_SOON", "SHOWING", "WITHDRAWN");
    static final Set<String> FORMATS = Set.of("2D", "3D", "IMAX");
    static final Set<String> ROLES = Set.of("STAFF", "CUSTOMER");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Map<String, String> PRICE_COLUMNS = Map.of("STANDARD", "standard", "WHEELCHAIR", "wheelchair",
            "COMPANION", "companion", "LOVE_SEAT", "love_seat");

    private final KnownCatalog known;
    private final Duration turnaround;
    private final List<RowError> errors = new ArrayList<>();
    private final Map<String, Merchant> merchants = new LinkedHashMap<>();
    private final Map<String, Cinema> cinemas = new LinkedHashMap<>();
    private final Map<String, Movie> movies = new LinkedHashMap<>();
    private final Map<String, Hall> halls = new LinkedHashMap<>();
    private final Map<String, Licence> licences = new LinkedHashMap<>();
    private final List<Screening> screenings = new ArrayList<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();

    /** @param turnaround what a screening takes beyond its movie: advertising plus cleaning */
    CatalogValidation(KnownCatalog known, Duration turnaround) {
        this.known = known;
        this.turnaround = turnaround;
    }

    Result check(CatalogFile file) {
        errors.addAll(file.errors());
        file.rows(Sheet.MERCHANTS).forEach(this::merchant);
        file.rows(Sheet.CINEMAS).forEach(this::cinema);
        file.rows(Sheet.MOVIES).forEach(this::movie);
        halls(file.rows(Sheet.HALLS));
        file.rows(Sheet.LICENCES).forEach(this::licence);
        new ScreeningChecks().check(file.rows(Sheet.SCREENINGS));
        file.rows(Sheet.ACCOUNTS).forEach(this::account);
        return new Result(new CatalogLines(List.copyOf(merchants.values()), List.copyOf(cinemas.values()),
                List.copyOf(movies.values()), List.copyOf(halls.values()), List.copyOf(licences.values()),
                List.copyOf(screenings), List.copyOf(accounts.values())), List.copyOf(errors));
    }

    private boolean accept(SheetRow row, Cells cells) {
        cells.problems().forEach(p -> errors.add(RowError.of(row, p)));
        return cells.problems().isEmpty();
    }

    private void merchant(SheetRow row) {
        Cells cells = new Cells(row);
        Merchant merchant = new Merchant(cells.required("code"), cells.required("name"));
        if (merchant.code() != null && merchants.containsKey(merchant.code())) {
            cells.problem("merchant " + merchant.code() + " appears twice");
        }
        if (accept(row, cells)) {
            merchants.put(merchant.code(), merchant);
        }
    }

    private boolean merchantKnown(String code) {
        return code != null && (merchants.containsKey(code) || known.merchant(code));
    }

    private boolean cinemaKnown(String code) {
        return code != null && (cinemas.containsKey(code) || known.cinema(code));
    }

    private void cinema(SheetRow row) {
        Cells cells = new Cells(row);
        Cinema cinema = new Cinema(cells.required("code"), cells.required("merchant"), cells.required("name"),
                cells.required("city"), cells.required("address"), cells.coordinate("latitude", 90),
                cells.coordinate("longitude", 180));
        if (cinema.merchant() != null && !merchantKnown(cinema.merchant())) {
            cells.problem("unknown merchant " + cinema.merchant());
        }
        if ((cinema.latitude() == null) != (cinema.longitude() == null) && cells.problems().isEmpty()) {
            cells.problem("latitude and longitude go together");
        }
        if (cinema.code() != null && cinemas.containsKey(cinema.code())) {
            cells.problem("cinema " + cinema.code() + " appears twice");
        }
        if (accept(row, cells)) {
            cinemas.put(cinema.code(), cinema);
        }
    }

    private void movie(SheetRow row) {
        Cells cells = new Cells(row);
        String title = cells.required("title");
        Movie movie = new Movie(cells.required("code"), title, cells.optional("original_title", title),
                cells.optional("director", ""), cells.optional("cast", ""), cells.optional("genres", ""),
                cells.optional("country", ""), cells.optional("language", ""), cells.positiveInt("duration_minutes"),
                cells.oneOf("format", FORMATS, "2D"), cells.date("opening_day"), cells.optional("poster_url", ""),
                cells.oneOf("status", MOVIE_STATUSES, "SHOWING"));
        if (movie.code() != null && movies.containsKey(movie.code())) {
            cells.problem("movie " + movie.code() + " appears twice");
        }
        if (accept(row, cells)) {
            movies.put(movie.code(), movie);
        }
    }

    private Optional<Integer> duration(String movie) {
        if (movie == null) {
            return Optional.empty();
        }
        Movie inFile = movies.get(movie);
        return inFile != null ? Optional.of(inFile.durationMinutes()) : known.movieDuration(movie);
    }

    /** A hall is all the lines naming it, in order; one bad line refuses the hall. */
    private void halls(List<SheetRow> rows) {
        Map<String, List<SheetRow>> byHall = new LinkedHashMap<>();
        for (SheetRow row : rows) {
            byHall.computeIfAbsent(row.get("cinema") + "\u0000" + row.get("name"), k -> new ArrayList<>()).add(row);
        }
        byHall.forEach((key, lines) -> {
            SheetRow first = lines.getFirst();
            Cells cells = new Cells(first);
            String cinema = cells.required("cinema");
            String name = cells.required("name");
            if (cinema != null && !cinemaKnown(cinema)) {
                cells.problem("unknown cinema " + cinema);
            }
            List<String> grid = lines.stream().map(l -> l.get("row") == null ? "" : l.get("row")).toList();
            HallGrid parsed = HallGrid.parse(grid);
            parsed.errors().forEach(e -> cells.problem("layout-invalid: hall " + name + ": " + e));
            if (accept(first, cells)) {
                halls.put(key, new Hall(cinema, name, grid, parsed.seats()));
            }
        });
    }

    private Optional<Set<String>> seatTypes(String cinema, String hall) {
        Hall inFile = halls.get(cinema + "\u0000" + hall);
        if (inFile != null) {
            Set<String> types = new HashSet<>();
            inFile.seats().forEach(s -> types.add(s.seatType().name()));
            return Optional.of(types);
        }
        return known.hallSeatTypes(cinema, hall);
    }

    private void licence(SheetRow row) {
        Cells cells = new Cells(row);
        Licence licence = new Licence(cells.required("cinema"), cells.required("movie"), cells.date("valid_from"),
                cells.date("valid_to"));
        if (licence.cinema() != null && !cinemaKnown(licence.cinema())) {
            cells.problem("unknown cinema " + licence.cinema());
        }
        if (licence.movie() != null && duration(licence.movie()).isEmpty()) {
            cells.problem("unknown movie " + licence.movie());
        }
        if (licence.validFrom() != null && licence.validTo() != null && licence.validTo().isBefore(licence.validFrom())) {
            cells.problem("valid_to is before valid_from");
        }
        String key = licence.cinema() + "\u0000" + licence.movie();
        if (licences.containsKey(key)) {
            cells.problem("licence of " + licence.cinema() + " for " + licence.movie() + " appears twice");
        }
        if (accept(row, cells)) {
            licences.put(key, licence);
        }
    }

    private Optional<LocalDate[]> licenceWindow(String cinema, String movie) {
        Licence inFile = licences.get(cinema + "\u0000" + movie);
        return inFile != null ? Optional.of(new LocalDate[] {inFile.validFrom(), inFile.validTo()})
                : known.licence(cinema, movie);
    }

    /** Screenings: a licensed movie in a known hall, priced for every seat type of it, not overlapping in the file. */
    private final class ScreeningChecks {

        private final Map<String, List<LocalDateTime[]>> booked = new HashMap<>();
        private final Set<String> seen = new HashSet<>();

        void check(List<SheetRow> rows) {
            rows.forEach(this::screening);
        }

        /** Booked into the hall's time line only when the line is otherwise good. */
        private void overlap(Cells cells, String cinema, String hall, LocalDateTime startsAt, LocalDateTime endsAt) {
            List<LocalDateTime[]> taken = booked.computeIfAbsent(cinema + "\u0000" + hall,
                    k -> new ArrayList<>(known.screenings(cinema, hall)));
            for (LocalDateTime[] other : taken) {
                if (!other[0].equals(startsAt) && startsAt.isBefore(other[1]) && other[0].isBefore(endsAt)) {
                    cells.problem("screening-overlap: overlaps the screening of " + hall + " at " + other[0]);
                    return;
                }
            }
            if (cells.problems().isEmpty()) {
                taken.add(new LocalDateTime[] {startsAt, endsAt});
            }
        }

        private void screening(SheetRow row) {
            Cells cells = new Cells(row);
            String cinema = cells.required("cinema");
            String hall = cells.required("hall");
            String movie = cells.required("movie");
            LocalDateTime startsAt = cells.dateTime("starts_at");
            String currency = cells.required("currency");
            Map<String, Long> prices = new LinkedHashMap<>();
            PRICE_COLUMNS.forEach((type, column) -> {
                Long amount = cells.amount(column);
                if (amount != null) {
                    prices.put(type, amount);
                }
            });
            if (currency != null && !CURRENCY.matcher(currency).matches()) {
                cells.problem("currency '" + currency + "' is not an ISO 4217 code (CNY)");
            }
            Optional<Set<String>> types = cinema == null || hall == null ? Optional.empty() : seatTypes(cinema, hall);
            if (cinema != null && hall != null && types.isEmpty()) {
                cells.problem("unknown hall " + hall + " of cinema " + cinema);
            }
            types.ifPresent(t -> t.stream().filter(type -> !prices.containsKey(type)).sorted().forEach(type ->
                    cells.problem("price-missing: no " + PRICE_COLUMNS.get(type) + " price, and the hall has such seats")));
            Optional<Integer> minutes = duration(movie);
            if (movie != null && minutes.isEmpty()) {
                cells.problem("unknown movie " + movie);
            }
            if (cinema != null && movie != null && minutes.isPresent() && startsAt != null) {
                Optional<LocalDate[]> window = licenceWindow(cinema, movie);
                LocalDate day = startsAt.toLocalDate();
                if (window.isEmpty()) {
                    cells.problem("movie-not-licensed: cinema " + cinema + " holds no licence for " + movie);
                } else if (day.isBefore(window.get()[0]) || day.isAfter(window.get()[1])) {
                    cells.problem("outside-licence: " + day + " is outside the licence " + window.get()[0] + " to "
                            + window.get()[1]);
                }
            }
            if (startsAt != null && !seen.add(cinema + "\u0000" + hall + "\u0000" + startsAt)) {
                cells.problem("the screening of " + hall + " at " + startsAt + " appears twice");
            }
            if (cinema != null && hall != null && startsAt != null && minutes.isPresent()) {
                overlap(cells, cinema, hall, startsAt, startsAt.plusMinutes(minutes.get()).plus(turnaround));
            }
            if (accept(row, cells)) {
                screenings.add(new Screening(cinema, hall, movie, startsAt, currency, Map.copyOf(prices)));
            }
        }
    }

    private void account(SheetRow row) {
        Cells cells = new Cells(row);
        String phone = cells.required("phone");
        String role = cells.oneOf("role", ROLES, null);
        if (role == null) {
            cells.problem("role is missing (staff or customer)");
        }
        String merchant = row.get("merchant");
        String password = row.get("password");
        if (phone != null && !E164.matcher(phone).matches()) {
            cells.problem("phone '" + phone + "' is not E.164 (+8613800000000)");
        }
        if ("STAFF".equals(role) && !merchantKnown(merchant)) {
            cells.problem(merchant == null ? "staff need a merchant" : "unknown merchant " + merchant);
        }
        if ("CUSTOMER".equals(role) && merchant != null) {
            cells.problem("a customer has no merchant");
        }
        if (password != null && (password.length() < 10 || password.length() > 128)) {
            cells.problem("password must be 10 to 128 characters (or blank: the account signs in by SMS code)");
        }
        if (phone != null && known.administrator(phone)) {
            cells.problem("phone " + phone + " is an administrator's; an import does not change administrators");
        }
        if (phone != null && accounts.containsKey(phone)) {
            cells.problem("phone " + phone + " appears twice");
        }
        if (accept(row, cells)) {
            accounts.put(phone, new Account(phone, role, merchant, row.get("name"), password));
        }
    }
}
