package dev.marquee.launcher.bench;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The expiry events a tap read, counted per order: {@code OrderExpired} records and {@code SeatsReleased} records
 * with cause {@code EXPIRED}. Records, not distinct event ids: ids derive from the order, so a second expiry of
 * the same order carries the same id and would vanish in a set.
 */
record ExpiryEvents(Map<String, Long> orderExpired, Map<String, Long> released) {

    long orderExpired(String orderId) {
        return orderExpired.getOrDefault(orderId, 0L);
    }

    long released(String orderId) {
        return released.getOrDefault(orderId, 0L);
    }

    Set<String> orders() {
        return Stream.concat(orderExpired.keySet().stream(), released.keySet().stream()).collect(Collectors.toSet());
    }
}
