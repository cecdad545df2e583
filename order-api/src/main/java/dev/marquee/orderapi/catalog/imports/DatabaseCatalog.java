package dev.marquee.orderapi.catalog.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the catalog holds, read once before a file is validated. */
final class DatabaseCatalog implements KnownCatalog {

    private final CatalogIds ids;
    private final Map<String, Set<String>> seatTypes = new HashMap<>();
    private final Map<String, LocalDate[]> licences = new HashMap<>();
    private final Map<String, List<LocalDateTime[]>> screenings = new HashMap<>();
    private final Set<String> administrators = new HashSet<>();

    DatabaseCatalog(JdbcTemplate jdbc, CatalogIds ids) {
        this.ids = ids;
        jdbc.query("SELECT c.code, h.name, s.seat_type FROM hall h JOIN cinema c ON c.id = h.cinema_id "
                + "JOIN hall_seat s ON s.hall_id = h.id AND s.layout_version = h.current_layout "
                + "GROUP BY c.code, h.name, s.seat_type", rs -> {
            seatTypes.computeIfAbsent(CatalogIds.hallKey(rs.getString(1), rs.getString(2)), k -> new HashSet<>())
                    .add(rs.getString(3));
        });
        jdbc.query("SELECT c.code, m.code, l.valid_from, l.valid_to FROM licence l JOIN cinema c ON c.id = l.cinema_id "
                + "JOIN movie m ON m.id = l.movie_id WHERE l.revoked_at IS NULL", rs -> {
            licences.put(rs.getString(1) + "\u0000" + rs.getString(2), new LocalDate[] {
                    rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)});
        });
        jdbc.query("SELECT c.code, h.name, s.starts_at, s.ends_at FROM screening s JOIN hall h ON h.id = s.hall_id "
                + "JOIN cinema c ON c.id = h.cinema_id WHERE s.status <> 'CANCELLED'", rs -> {
            screenings.computeIfAbsent(CatalogIds.hallKey(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                    .add(new LocalDateTime[] {rs.getObject(3, LocalDateTime.class),
                            rs.getObject(4, LocalDateTime.class)});
        });
        jdbc.query("SELECT phone FROM account WHERE role = 'ADMIN'", rs -> {
            administrators.add(rs.getString(1));
        });
    }

    @Override
    public boolean merchant(String code) {
        return ids.merchants.containsKey(code);
    }

    @Override
    public boolean cinema(String code) {
        return ids.cinemas.containsKey(code);
    }

    @Override
    public Optional<Integer> movieDuration(String code) {
        return Optional.ofNullable(ids.durations.get(code));
    }

    @Override
    public Optional<Set<String>> hallSeatTypes(String cinema, String hall) {
        return ids.hall(cinema, hall) == null ? Optional.empty()
                : Optional.of(seatTypes.getOrDefault(CatalogIds.hallKey(cinema, hall), Set.of()));
    }

    @Override
    public Optional<LocalDate[]> licence(String cinema, String movie) {
        return Optional.ofNullable(licences.get(cinema + "\u0000" + movie));
    }

    @Override
    public List<LocalDateTime[]> screenings(String cinema, String hall) {
        return screenings.getOrDefault(CatalogIds.hallKey(cinema, hall), List.of());
    }

    @Override
    public boolean administrator(String phone) {
        return administrators.contains(phone);
    }
}
