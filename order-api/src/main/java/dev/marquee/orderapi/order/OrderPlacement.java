package dev.marquee.orderapi.order;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.marquee.orderapi.catalog.Catalog;
import dev.marquee.orderapi.catalog.HallSeat;
import dev.marquee.orderapi.catalog.Screening;
import dev.marquee.orderapi.seatmap.SeatMap;
import dev.marquee.support.ids.TimeOrderedIds;
import dev.marquee.support.OrderLimitProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order intake. Refuses what can never succeed before writing anything; otherwise writes the order and its
 * OrderRequested outbox row in one transaction. Whether the seats are free is the allocator's decision.
 */
@Service
public class OrderPlacement {

    private final Catalog catalog;
    private final Orders orders;
    private final OrderRequests requests;
    private final IdempotencyKeys idempotencyKeys;
    private final SeatMap seatMap;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int maxSeats;
    private final List<PlacementGate> gates;

    OrderPlacement(Catalog catalog, Orders orders, OrderRequests requests, IdempotencyKeys idempotencyKeys,
                   SeatMap seatMap, TransactionTemplate transaction, Clock clock,
                   OrderLimitProperties limits, ObjectProvider<PlacementGate> gates) {
        this.gates = gates.orderedStream().toList();
        this.seatMap = seatMap;
        this.transaction = transaction;
        this.catalog = catalog;
        this.orders = orders;
        this.requests = requests;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
        this.maxSeats = limits.maxSeats();
    }

    /**
     * Everything that can refuse the order (the request itself, the catalog, the seat map, an idempotency key
     * used for another request) is checked before a transaction is opened: a refusal costs no database write and,
     * without an idempotency key, no database round trip at all.
     *
     * @return the order, and whether it was made by an earlier request with the same idempotency key
     */
    public Placement place(PlaceOrder command) {
        Instant now = clock.instant();
        if (command.idempotencyKey() != null) {
            Optional<Order> earlier = idempotencyKeys.earlier(command).flatMap(orders::findById);
            if (earlier.isPresent()) {
                return new Placement(earlier.get(), true);
            }
        }
        Screening screening = acceptable(command, now);
        long amount = command.seats().isEmpty() ? command.anySeats() * standardPrice(screening)
                : price(screening, command.seats());
        refuseWhatIsVisiblyTaken(screening, command);
        for (PlacementGate gate : gates) {
            gate.admit(command);
        }
        return AcceptedWork.atNormalPriority(
                () -> transaction.execute(status -> write(command, screening, amount, now)));
    }

    private Screening acceptable(PlaceOrder command, Instant now) {
        if (command.seatCount() > maxSeats) {
            throw OrderRefusedException.tooManySeats(command.seatCount(), maxSeats);
        }
        Set<String> seen = new HashSet<>();
        List<String> repeated = command.seats().stream().filter(l -> !seen.add(l)).distinct().toList();
        if (!repeated.isEmpty()) {
            throw OrderRefusedException.duplicateSeats(repeated);
        }
        Screening screening = catalog.screening(command.screeningId())
                .orElseThrow(() -> OrderRefusedException.unknownScreening(command.screeningId()));
        if (!screening.isOpenAt(now)) {
            throw OrderRefusedException.screeningClosed(screening.id());
        }
        return screening;
    }

    /** The order and its OrderRequested outbox row, in one transaction with the idempotency key's claim. */
    private Placement write(PlaceOrder command, Screening screening, long amount, Instant now) {
        String orderId = TimeOrderedIds.nextText();
        if (command.idempotencyKey() != null) {
            Optional<Order> earlier = idempotencyKeys.claim(command, orderId, now).flatMap(orders::findById);
            if (earlier.isPresent()) {
                return new Placement(earlier.get(), true);
            }
        }
        List<String> labels = command.seats();
        Order order = labels.isEmpty()
                ? Order.requestAny(orderId, command.customerId(), screening.id(), screening.hall().id(),
                        command.anySeats(), amount, screening.currency(), now)
                : Order.request(orderId, command.customerId(), screening.id(), screening.hall().id(), labels,
                        amount, screening.currency(), now);
        orders.save(order);
        requests.requested(order, screening);
        return new Placement(order, false);
    }

    /**
     * Load shedding for a flash crowd: an order whose seats the seat map (at most its max-age old) shows held or
     * sold, or an "any N" order when fewer than N seats are free, is refused here without a write. Stale data can
     * only refuse an order that might have succeeded a moment later, never accept one: the allocator decides.
     */
    private void refuseWhatIsVisiblyTaken(Screening screening, PlaceOrder command) {
        SeatMap.Availability availability = seatMap.availability(screening, command.seats());
        if (!availability.taken().isEmpty()) {
            throw OrderRefusedException.seatsTaken(screening.id(), availability.taken());
        }
        if (command.seatCount() > availability.free()) {
            throw OrderRefusedException.soldOut(screening.id(), command.seatCount(), availability.free());
        }
    }

    /** "Any N seats" orders are given standard seats only, at the standard price. */
    private static long standardPrice(Screening screening) {
        return screening.priceOf("STANDARD").orElseThrow(() -> OrderRefusedException.unknownSeats(screening.id(),
                List.of("STANDARD")));
    }

    public record Placement(Order order, boolean replayed) {
    }

    private long price(Screening screening, List<String> labels) {
        Map<String, HallSeat> seats = catalog.seats(screening, labels).stream()
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
