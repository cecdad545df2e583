package dev.marquee.expiry.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.marquee.expiry.PendingPayments;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads order-api's {@code customer_order} (read-only; a deployment with one database per service would feed this
 * from the order topics). An order unknown there has no payment in flight.
 */
public final class CustomerOrders implements PendingPayments {

    private final NamedParameterJdbcTemplate jdbc;

    public CustomerOrders(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> among(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT id FROM customer_order WHERE id IN (:ids)"
                + " AND status = 'PAYMENT_PENDING'", Map.of("ids", orderIds), String.class));
    }
}
