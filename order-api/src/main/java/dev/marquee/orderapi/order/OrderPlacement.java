package dev.marquee.orderapi.order;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.marquee.orderapi.catalog.Catalog;
import dev.marquee.orderapi.catalog.HallSeat;
import dev.marquee.orderapi.catalog.Screening;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order intake. Refuses what can never succeed before writing anything; otherwise writes the order and its
 * OrderRequested outbox row in one transaction. Whether the seats are free is the allocator's decision.
 */
@Service
public class OrderPlacement {

    private final Catalog catalog;
    private final Orders orders;
    private final OrderRequests requests;
    private final Clock clock;
    private final int maxSeats;

    OrderPlacement(Catalog catalog, Orders orders, OrderRequests requests, Clock clock,
                   @Value("${marquee.orders.max-seats:6}") int maxSeats) {
        this.catalog = catalog;
        this.orders = orders;
        this.requests = requests;
        this.clock = clock;
        this.maxSeats = maxSeats;
    }

    @Transactional
    public Order place(PlaceOrder command) {
        Instant now = clock.instant();
        List<String> labels = command.seats();
        if (labels.size() > maxSeats) {
            throw OrderRefusedException.tooManySeats(labels.size(), maxSeats);
        }
        Set<String> seen = new HashSet<>();
        List<String> repeated = labels.stream().filter(l -> !seen.add(l)).distinct().toList();
        if (!repeated.isEmpty()) {
            throw OrderRefusedException.duplicateSeats(repeated);
        }
        Screening screening = catalog.screening(command.screeningId())
                .orElseThrow(() -> OrderRefusedException.unknownScreening(command.screeningId()));
        if (!screening.isOpenAt(now)) {
            throw OrderRefusedException.screeningClosed(screening.id());
        }
        long amount = price(screening, labels);
        Order order = Order.request(UUID.randomUUID().toString(), command.customerId(), screening.id(),
                screening.hall().id(), labels, amount, screening.currency(), now);
        orders.save(order);
        requests.requested(order, screening);
        return order;
    }

    private long price(Screening screening, List<String> labels) {
        Map<String, HallSeat> seats = catalog.seats(screening.hall().id(), labels).stream()
                .collect(Collectors.toMap(HallSeat::label, Function.identity()));
        List<String> unknown = labels.stream()
                .filter(l -> !seats.containsKey(l) || screening.priceOf(seats.get(l).seatType()).isEmpty())
                .toList();
        if (!unknown.isEmpty()) {
            throw OrderRefusedException.unknownSeats(screening.id(), unknown);
        }
        return labels.stream().mapToLong(l -> screening.priceOf(seats.get(l).seatType()).orElseThrow()).sum();
    }
}
