package dev.marquee.orderapi.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * {@code marquee.orders{state}}: how many orders are in each live state (REQUESTED, HELD, PAYMENT_PENDING,
 * REFUND_PENDING), and {@code marquee.orders.requested.oldest}: the age in seconds of the oldest order still
 * waiting for the allocator (0 when none waits); it growing means the relay or the allocator is stuck. Counted
 * from the database every {@code marquee.orders.gauge-interval} (15 s) over the status index, so every order-api
 * instance reports the same figures: aggregate them with max, not sum. Terminal states are the box office's
 * business.
 */
@Component
class OrderStateGauges implements SchedulingConfigurer {

    static final Set<OrderStatus> LIVE = EnumSet.of(OrderStatus.REQUESTED, OrderStatus.HELD,
            OrderStatus.PAYMENT_PENDING, OrderStatus.REFUND_PENDING);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration interval;
    private final Map<OrderStatus, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong oldestRequestedSeconds = new AtomicLong();

    OrderStateGauges(JdbcClient jdbc, Clock clock, MeterRegistry meters, OrderProperties properties) {
        this.jdbc = jdbc;
        this.interval = properties.gaugeInterval();
        this.clock = clock;
        for (OrderStatus state : LIVE) {
            AtomicLong count = counts.computeIfAbsent(state, s -> new AtomicLong());
            Gauge.builder("marquee.orders", count, AtomicLong::get).tag("state", state.name())
                    .description("orders in this live state (the same on every instance)").register(meters);
        }
        Gauge.builder("marquee.orders.requested.oldest", oldestRequestedSeconds, AtomicLong::get)
                .baseUnit("seconds").description("age of the oldest order waiting for the allocator")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, interval, Duration.ZERO));
    }

    void refresh() {
        Map<String, Long> found = new ConcurrentHashMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM customer_order WHERE status IN ('REQUESTED', 'HELD',"
                        + " 'PAYMENT_PENDING', 'REFUND_PENDING') GROUP BY status")
                .query(rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                });
        counts.forEach((state, count) -> count.set(found.getOrDefault(state.name(), 0L)));
        Timestamp oldest = jdbc.sql("SELECT MIN(created_at) FROM customer_order WHERE status = 'REQUESTED'")
                .query((rs, row) -> rs.getTimestamp(1)).list().getFirst();
        oldestRequestedSeconds.set(oldest == null ? 0
                : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds()));
    }
}
