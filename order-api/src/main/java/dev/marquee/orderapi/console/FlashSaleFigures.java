package dev.marquee.orderapi.console;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.marquee.orderapi.seatmap.SeatMap;
import dev.marquee.orderapi.seatmap.SeatMapView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One screening during a flash sale, as the console draws it: its seats now (sold, held, free: the seat map's
 * figures, which the page samples into a history) and, per second of the last minutes, the orders placed and how
 * long the allocator took to decide them. The decision's latency is an order's {@code updated_at - created_at} for
 * orders whose last change was that decision (HELD or REJECTED); a paid or expired order has moved on since.
 */
@Service
public class FlashSaleFigures {

    public record Second(long epochSecond, int placed, int decided, long p50Millis, long p99Millis, long maxMillis) {
    }

    public record View(long screeningId, int capacity, int sold, int held, int free, Instant asOf,
                       long windowSeconds, List<Second> seconds) {
    }

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int MAX_ORDERS = 50_000;

    private final SeatMap seatMap;
    private final JdbcClient jdbc;
    private final Clock clock;

    FlashSaleFigures(SeatMap seatMap, JdbcClient jdbc, Clock clock) {
        this.seatMap = seatMap;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<View> of(long screeningId) {
        return seatMap.of(screeningId).map(map -> view(map, orders(screeningId)));
    }

    private record Placed(Instant created, Instant updated, String status) {
    }

    private List<Placed> orders(long screeningId) {
        Instant since = clock.instant().minus(WINDOW);
        return jdbc.sql("SELECT created_at, updated_at, status FROM customer_order"
                        + " WHERE screening_id = ? AND created_at >= ? ORDER BY created_at DESC LIMIT " + MAX_ORDERS)
                .params(screeningId, Timestamp.from(since))
                .query((rs, n) -> new Placed(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getString(3)))
                .list();
    }

    private View view(SeatMapView map, List<Placed> orders) {
        Map<Long, List<Placed>> bySecond = new TreeMap<>();
        orders.forEach(o -> bySecond.computeIfAbsent(o.created().getEpochSecond(), s -> new ArrayList<>()).add(o));
        List<Second> seconds = new ArrayList<>(bySecond.size());
        bySecond.forEach((second, placed) -> seconds.add(second(second, placed)));
        return new View(map.screeningId(), map.capacity(), map.sold(), map.held(), map.free(), map.asOf(),
                WINDOW.toSeconds(), seconds);
    }

    private static Second second(long epochSecond, List<Placed> placed) {
        long[] latencies = placed.stream()
                .filter(o -> o.status().equals("HELD") || o.status().equals("REJECTED"))
                .mapToLong(o -> Math.max(0, Duration.between(o.created(), o.updated()).toMillis()))
                .sorted().toArray();
        return new Second(epochSecond, placed.size(), latencies.length, percentile(latencies, 0.50),
                percentile(latencies, 0.99), latencies.length == 0 ? 0 : latencies[latencies.length - 1]);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
