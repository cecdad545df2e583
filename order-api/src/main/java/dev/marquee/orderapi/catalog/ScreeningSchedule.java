package dev.marquee.orderapi.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screenings: scheduled by a cinema's staff (not yet on sale), published (on sale: ScreeningScheduled) and
 * cancelled (ScreeningCancelled; orders for it are refused {@code screening-closed} from then on). No two screenings
 * overlap in a hall: the check and the insert run under the hall row's lock ({@code SELECT … FOR UPDATE}), so two
 * staff scheduling the same slot at once are serialised and the second sees the first. A change of a screening's
 * time is checked the same way, under the same lock.
 */
@Service
public class ScreeningSchedule {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Ownership ownership;
    private final ScreeningRules rules;
    private final CatalogEvents events;
    private final Catalog catalog;
    private final Clock clock;

    ScreeningSchedule(JdbcClient jdbc, JdbcTemplate batch, Ownership ownership, ScreeningRules rules,
                      CatalogEvents events, Catalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.ownership = ownership;
        this.rules = rules;
        this.events = events;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public long schedule(Long actingFor, ScheduleScreening request) {
        Ownership.HallOwner hall = ownership.hall(actingFor, request.hallId());
        request.validate(clock.instant());
        // the hall's lock first: every later read of this transaction sees what the previous holder committed
        int layout = jdbc.sql("SELECT current_layout FROM hall WHERE id = ? FOR UPDATE").param(request.hallId())
                .query(Integer.class).single();
        Instant endsAt = rules.endOf(request.movieId(), request.startsAt());
        rules.checkLicence(hall.cinemaId(), request.movieId(), request.startsAt());
        checkPrices(request.hallId(), layout, request.prices());
        jdbc.sql("SELECT id FROM screening WHERE hall_id = ? AND status <> 'CANCELLED' AND starts_at < ?"
                        + " AND ends_at > ? ORDER BY starts_at LIMIT 1 FOR UPDATE")
                .params(request.hallId(), Timestamp.from(endsAt), Timestamp.from(request.startsAt()))
                .query(Long.class).optional().ifPresent(other -> {
                    throw CatalogRefusedException.overlap(request.hallId(), other);
                });
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO screening (movie_id, hall_id, starts_at, ends_at, currency, layout_version, status)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'SCHEDULED')")
                .params(request.movieId(), request.hallId(), Timestamp.from(request.startsAt()),
                        Timestamp.from(endsAt), request.currency(), layout)
                .update(key, "id");
        long id = key.getKey().longValue();
        batch.batchUpdate("INSERT INTO screening_price (screening_id, seat_type, amount_minor) VALUES (?, ?, ?)",
                request.prices().entrySet().stream().map(p -> new Object[] {id, p.getKey(), p.getValue()}).toList());
        return id;
    }

    /**
     * Moves a screening that has not started and/or replaces its prices, checked as scheduling is (overlap under
     * the hall's lock, licence window, a price for every seat type of the screening's layout). Moving one that has
     * orders holding or owning seats is refused {@code screening-has-sales}: those customers bought a time. New
     * prices apply to orders placed from now on; orders placed keep their amount. A screening on sale publishes
     * ScreeningChanged; a scheduled one says nothing until it is published (ScreeningScheduled then carries the
     * change).
     */
    @Transactional
    public ScreeningView change(Long actingFor, long screeningId, ChangeScreening request) {
        long hallId = jdbc.sql("SELECT hall_id FROM screening WHERE id = ?").param(screeningId).query(Long.class)
                .optional().orElseThrow(() -> CatalogRefusedException.unknown("screening", screeningId));
        request.validate(clock.instant());
        // the hall's lock first, as scheduling takes it, then the screening's row
        jdbc.sql("SELECT id FROM hall WHERE id = ? FOR UPDATE").param(hallId).query(Long.class).single();
        ScreeningRow screening = locked(actingFor, screeningId);
        if (screening.status().equals("CANCELLED")) {
            throw CatalogRefusedException.screeningCancelled(screeningId);
        }
        if (!screening.startsAt().isAfter(clock.instant())) {
            throw CatalogRefusedException.screeningStarted(screeningId);
        }
        Instant startsAt = screening.startsAt();
        Instant endsAt = screening.endsAt();
        if (request.startsAt() != null && !request.startsAt().equals(startsAt)) {
            int sold = jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE screening_id = ? AND status IN"
                    + " ('REQUESTED', 'HELD', 'PAYMENT_PENDING', 'PAID')").param(screeningId).query(Integer.class)
                    .single();
            if (sold > 0) {
                throw CatalogRefusedException.screeningHasSales(screeningId, sold);
            }
            startsAt = request.startsAt();
            endsAt = rules.endOf(screening.movieId(), startsAt);
            rules.checkLicence(screening.cinemaId(), screening.movieId(), startsAt);
            jdbc.sql("SELECT id FROM screening WHERE hall_id = ? AND id <> ? AND status <> 'CANCELLED'"
                            + " AND starts_at < ? AND ends_at > ? ORDER BY starts_at LIMIT 1 FOR UPDATE")
                    .params(hallId, screeningId, Timestamp.from(endsAt), Timestamp.from(startsAt))
                    .query(Long.class).optional().ifPresent(other -> {
                        throw CatalogRefusedException.overlap(hallId, other);
                    });
            jdbc.sql("UPDATE screening SET starts_at = ?, ends_at = ? WHERE id = ?")
                    .params(Timestamp.from(startsAt), Timestamp.from(endsAt), screeningId).update();
        }
        if (request.prices() != null) {
            checkPrices(hallId, screening.layoutVersion(), request.prices());
            jdbc.sql("DELETE FROM screening_price WHERE screening_id = ?").param(screeningId).update();
            batch.batchUpdate("INSERT INTO screening_price (screening_id, seat_type, amount_minor) VALUES (?, ?, ?)",
                    request.prices().entrySet().stream()
                            .map(p -> new Object[] {screeningId, p.getKey(), p.getValue()}).toList());
        }
        Map<String, Long> prices = prices(screeningId);
        if (screening.status().equals("ON_SALE")) {
            events.screeningChanged(new CatalogEvents.ScreeningFacts(screeningId, hallId, screening.cinemaId(),
                    screening.merchantId(), screening.movieId(), screening.layoutVersion(), startsAt, endsAt,
                    screening.currency(), prices));
        }
        catalog.forget(screeningId);
        return new ScreeningView(screeningId, screening.status(), startsAt, endsAt, screening.currency(), prices);
    }

    /** A screening as changed. */
    public record ScreeningView(long id, String status, Instant startsAt, Instant endsAt, String currency,
                                Map<String, Long> prices) {
    }

    /** Puts a scheduled screening on sale; publishing one already on sale changes nothing. */
    @Transactional
    public String publish(Long actingFor, long screeningId) {
        ScreeningRow screening = locked(actingFor, screeningId);
        switch (screening.status()) {
            case "CANCELLED" -> throw CatalogRefusedException.screeningCancelled(screeningId);
            case "ON_SALE" -> {
                return screening.status();
            }
            default -> {
                if (!screening.startsAt().isAfter(clock.instant())) {
                    throw CatalogRefusedException.screeningStarted(screeningId);
                }
                rules.checkLicence(screening.cinemaId(), screening.movieId(), screening.startsAt());
            }
        }
        jdbc.sql("UPDATE screening SET status = 'ON_SALE' WHERE id = ?").param(screeningId).update();
        events.screeningScheduled(screening.facts(prices(screeningId)));
        catalog.forget(screeningId);
        return "ON_SALE";
    }

    /** Stops sales at once; cancelling a cancelled screening changes nothing. */
    @Transactional
    public String cancel(Long actingFor, long screeningId, String reason) {
        ScreeningRow screening = locked(actingFor, screeningId);
        if (!screening.status().equals("CANCELLED")) {
            jdbc.sql("UPDATE screening SET status = 'CANCELLED', cancelled_at = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), screeningId).update();
            events.screeningCancelled(screeningId, screening.hallId(), reason == null || reason.isBlank()
                    ? "cancelled by the cinema" : reason);
        }
        catalog.forget(screeningId);
        return "CANCELLED";
    }

    private ScreeningRow locked(Long actingFor, long screeningId) {
        ScreeningRow row = jdbc.sql("SELECT s.id, s.hall_id, h.cinema_id, c.merchant_id, s.movie_id, s.layout_version,"
                        + " s.starts_at, s.ends_at, s.currency, s.status FROM screening s JOIN hall h ON h.id = s.hall_id"
                        + " JOIN cinema c ON c.id = h.cinema_id WHERE s.id = ? FOR UPDATE")
                .param(screeningId)
                .query((rs, n) -> new ScreeningRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                        rs.getString(9), rs.getString(10)))
                .optional().orElseThrow(() -> CatalogRefusedException.unknown("screening", screeningId));
        Ownership.allowed(actingFor, row.merchantId());
        return row;
    }

    private Map<String, Long> prices(long screeningId) {
        Map<String, Long> prices = new java.util.HashMap<>();
        jdbc.sql("SELECT seat_type, amount_minor FROM screening_price WHERE screening_id = ?").param(screeningId)
                .query(rs -> {
                    prices.put(rs.getString(1), rs.getLong(2));
                });
        return prices;
    }

    private void checkPrices(long hallId, int layout, Map<String, Long> prices) {
        List<String> types = jdbc.sql("SELECT DISTINCT seat_type FROM hall_seat WHERE hall_id = ? AND layout_version = ?"
                        + " LOCK IN SHARE MODE")
                .params(hallId, layout).query(String.class).list();
        TreeSet<String> missing = new TreeSet<>(types);
        missing.removeAll(prices.keySet());
        if (!missing.isEmpty()) {
            throw CatalogRefusedException.priceMissing(missing);
        }
    }

    private record ScreeningRow(long id, long hallId, long cinemaId, long merchantId, long movieId, int layoutVersion,
                                Instant startsAt, Instant endsAt, String currency, String status) {
        CatalogEvents.ScreeningFacts facts(Map<String, Long> prices) {
            return new CatalogEvents.ScreeningFacts(id, hallId, cinemaId, merchantId, movieId, layoutVersion,
                    startsAt, endsAt, currency, prices);
        }
    }
}
