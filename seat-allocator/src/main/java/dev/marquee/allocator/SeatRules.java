package dev.marquee.allocator;

import static dev.marquee.allocator.SeatViolation.CUSTOMER_LIMIT;
import static dev.marquee.allocator.SeatViolation.INVALID_SEAT;
import static dev.marquee.allocator.SeatViolation.LOVE_SEAT_SPLIT;
import static dev.marquee.allocator.SeatViolation.ORPHAN_SEAT;
import static dev.marquee.allocator.SeatViolation.TOO_MANY_SEATS;
import static dev.marquee.allocator.SeatViolation.WHEELCHAIR_POLICY;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules an order's seats must follow, checked in a fixed order, the first failure wins. Whether the seats
 * are free is not one of them: the caller checks that first.
 */
public final class SeatRules {

    private final int maxSeatsPerOrder;
    private final int maxSeatsPerCustomer;

    public SeatRules(int maxSeatsPerOrder, int maxSeatsPerCustomer) {
        if (maxSeatsPerOrder < 1 || maxSeatsPerCustomer < 1) {
            throw new IllegalArgumentException("seat limits must be positive");
        }
        this.maxSeatsPerOrder = maxSeatsPerOrder;
        this.maxSeatsPerCustomer = maxSeatsPerCustomer;
    }

    /**
     * @param taken                seats others hold or own right now
     * @param requested            the seats of this order
     * @param customerSeatsAlready seats this customer already holds or owns in this screening
     */
    public Optional<SeatViolation> check(HallLayout layout, Set<String> taken, List<String> requested,
                                         int customerSeatsAlready) {
        List<Seat> seats = requested.stream().map(layout::seat).flatMap(Optional::stream).toList();
        return tooMany(requested.size())
                .or(() -> overCustomerLimit(customerSeatsAlready, requested.size()))
                .or(() -> invalid(layout, requested))
                .or(() -> loveSeatSplit(seats))
                .or(() -> companionAlone(seats))
                .or(() -> orphan(layout, taken, seats));
    }

    /** The limits alone, for an order of {@code count} seats not yet chosen ("any N seats"). */
    public Optional<SeatViolation> checkCount(int count, int customerSeatsAlready) {
        return tooMany(count).or(() -> overCustomerLimit(customerSeatsAlready, count));
    }

    /**
     * @return the free seats this order would leave alone between two taken seats of a segment, where at least one
     *         of the two is a seat of the order; the ends of a segment are not taken seats
     */
    static List<Seat> strandedBy(HallLayout layout, Set<String> taken, Collection<Seat> order) {
        Set<String> ordered = order.stream().map(Seat::label).collect(Collectors.toSet());
        Predicate<Seat> takenAfter = seat -> taken.contains(seat.label()) || ordered.contains(seat.label());
        return order.stream()
                .flatMap(seat -> Stream.of(-1, 1).flatMap(side -> stranded(layout, seat, side, takenAfter).stream()))
                .distinct()
                .toList();
    }

    private static Optional<Seat> stranded(HallLayout layout, Seat seat, int side, Predicate<Seat> takenAfter) {
        Optional<Seat> next = layout.neighbour(seat, side).filter(takenAfter.negate());
        boolean takenBeyond = layout.neighbour(seat, 2 * side).filter(takenAfter).isPresent();
        return takenBeyond ? next : Optional.empty();
    }

    private Optional<SeatViolation> tooMany(int count) {
        return count > maxSeatsPerOrder
                ? violation(TOO_MANY_SEATS, count + " seats, at most " + maxSeatsPerOrder + " per order")
                : Optional.empty();
    }

    private Optional<SeatViolation> overCustomerLimit(int already, int count) {
        return already + count > maxSeatsPerCustomer
                ? violation(CUSTOMER_LIMIT, already + " seats already and " + count + " more, at most "
                        + maxSeatsPerCustomer + " per customer")
                : Optional.empty();
    }

    private static Optional<SeatViolation> invalid(HallLayout layout, List<String> requested) {
        if (requested.isEmpty()) {
            return violation(INVALID_SEAT, "no seats requested");
        }
        List<String> unknown = requested.stream().filter(label -> layout.seat(label).isEmpty()).distinct().toList();
        if (!unknown.isEmpty()) {
            return violation(INVALID_SEAT, Detail.listing("not in this hall: ", unknown, ", "));
        }
        Set<String> seen = new HashSet<>();
        List<String> twice = requested.stream().filter(label -> !seen.add(label)).distinct().toList();
        return twice.isEmpty() ? Optional.empty()
                : violation(INVALID_SEAT, Detail.listing("requested more than once: ", twice, ", "));
    }

    private static Optional<SeatViolation> loveSeatSplit(List<Seat> seats) {
        Set<String> labels = seats.stream().map(Seat::label).collect(Collectors.toSet());
        return describe(LOVE_SEAT_SPLIT, seats.stream()
                .filter(seat -> seat.type() == SeatType.LOVE_SEAT && !labels.contains(seat.pairLabel()))
                .map(seat -> seat.label() + " without " + seat.pairLabel()));
    }

    private static Optional<SeatViolation> companionAlone(List<Seat> seats) {
        Set<String> wheelchairRows = seats.stream().filter(seat -> seat.type() == SeatType.WHEELCHAIR)
                .map(Seat::rowLabel).collect(Collectors.toSet());
        return describe(WHEELCHAIR_POLICY, seats.stream()
                .filter(seat -> seat.type() == SeatType.COMPANION && !wheelchairRows.contains(seat.rowLabel()))
                .map(seat -> "companion seat " + seat.label() + " without a wheelchair space in row "
                        + seat.rowLabel()));
    }

    private static Optional<SeatViolation> orphan(HallLayout layout, Set<String> taken, List<Seat> seats) {
        return describe(ORPHAN_SEAT, strandedBy(layout, taken, seats).stream()
                .map(seat -> seat.label() + " would be left alone"));
    }

    private static Optional<SeatViolation> describe(String reason, Stream<String> problems) {
        List<String> listed = problems.toList();
        return listed.isEmpty() ? Optional.empty() : violation(reason, Detail.listing("", listed, "; "));
    }

    private static Optional<SeatViolation> violation(String reason, String detail) {
        return Optional.of(new SeatViolation(reason, detail));
    }
}
