package dev.marquee.launcher.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chaos bench's end-of-run checks on what order-api and the seat ledger say, as plain data: every accepted
 * order exists and was decided, no seat belongs to two live orders, each order's state agrees with its seats'
 * claims, and per screening sold + held + free = capacity.
 */
final class SeatBooks {

    private static final Set<String> NO_SEATS = Set.of("REJECTED", "EXPIRED", "CANCELLED", "REFUNDED", "REFUND_PENDING");
    private static final Set<String> HOLDING = Set.of("HELD", "PAYMENT_PENDING");

    /** An order as order-api has it; {@code holdLive} when its hold's deadline is still ahead (by the database's clock). */
    record OrderRow(String id, long screeningId, String status, boolean holdLive, List<String> seats) {
    }

    /** A row of the seat ledger's {@code seat_claim}: sold when its hold was turned into a ticket. */
    record ClaimRow(long screeningId, String seat, String orderId, boolean sold) {
    }

    /**
     * @param lostOrders         accepted by the edge but unknown to order-api, or never decided (still REQUESTED)
     * @param oversold           seats that two live orders (paid, or held with a deadline ahead) both own
     * @param inconsistentOrders orders whose state disagrees with the claims on their seats, plus claims that belong
     *                           to no order holding that seat
     * @param capacityMismatches screenings where sold + held + free is not the hall's capacity
     */
    record Findings(long lostOrders, long oversold, long inconsistentOrders, long capacityMismatches, long sold,
                    long held, long free) {
        boolean ok() {
            return lostOrders == 0 && oversold == 0 && inconsistentOrders == 0 && capacityMismatches == 0;
        }
    }

    private SeatBooks() {
    }

    static Findings check(Set<String> accepted, List<OrderRow> orders, List<ClaimRow> claims,
                          Map<Long, Set<String>> hallSeats) {
        Map<String, OrderRow> byId = new HashMap<>();
        orders.forEach(o -> byId.put(o.id(), o));
        long lost = accepted.stream().filter(id -> !byId.containsKey(id) || "REQUESTED".equals(byId.get(id).status()))
                .count();
        Map<String, ClaimRow> claimBySeat = new HashMap<>();
        claims.forEach(c -> claimBySeat.put(c.screeningId() + "/" + c.seat(), c));
        long inconsistent = orders.stream().filter(o -> !"REQUESTED".equals(o.status()))
                .filter(o -> !agrees(o, claimBySeat)).count();
        inconsistent += claims.stream().filter(c -> !claimedByItsOrder(c, byId)).count();
        return new Findings(lost, oversold(orders), inconsistent, capacityMismatches(claims, hallSeats),
                claims.stream().filter(ClaimRow::sold).count(), claims.stream().filter(c -> !c.sold()).count(),
                free(claims, hallSeats));
    }

    /**
     * Paid: every seat sold to it. Holding with its deadline ahead: every seat claimed by it, not sold. Holding past
     * its deadline (lazy expiry: another order may have taken the seats over, the expiry worker has yet to come):
     * no seat sold to it. Otherwise: no claim of its own.
     */
    private static boolean agrees(OrderRow order, Map<String, ClaimRow> claimBySeat) {
        if (NO_SEATS.contains(order.status())) {
            return order.seats().stream().map(s -> claimBySeat.get(order.screeningId() + "/" + s))
                    .noneMatch(c -> c != null && c.orderId().equals(order.id()));
        }
        boolean paid = "PAID".equals(order.status());
        if (!paid && !HOLDING.contains(order.status())) {
            return false;
        }
        if (!paid && !order.holdLive()) {
            return order.seats().stream().map(s -> claimBySeat.get(order.screeningId() + "/" + s))
                    .noneMatch(c -> c != null && c.orderId().equals(order.id()) && c.sold());
        }
        return order.seats().stream().map(s -> claimBySeat.get(order.screeningId() + "/" + s))
                .allMatch(c -> c != null && c.orderId().equals(order.id()) && c.sold() == paid);
    }

    private static boolean claimedByItsOrder(ClaimRow claim, Map<String, OrderRow> byId) {
        OrderRow order = byId.get(claim.orderId());
        return order != null && order.screeningId() == claim.screeningId() && order.seats().contains(claim.seat());
    }

    private static long oversold(List<OrderRow> orders) {
        Set<String> owned = new HashSet<>();
        long twice = 0;
        for (OrderRow o : orders) {
            boolean live = "PAID".equals(o.status()) || HOLDING.contains(o.status()) && o.holdLive();
            if (live) {
                for (String seat : o.seats()) {
                    if (!owned.add(o.screeningId() + "/" + seat)) {
                        twice++;
                    }
                }
            }
        }
        return twice;
    }

    private static long capacityMismatches(List<ClaimRow> claims, Map<Long, Set<String>> hallSeats) {
        long mismatches = 0;
        for (var screening : hallSeats.entrySet()) {
            List<ClaimRow> mine = claims.stream().filter(c -> c.screeningId() == screening.getKey()).toList();
            long sold = mine.stream().filter(ClaimRow::sold).count();
            long held = mine.size() - sold;
            Set<String> claimed = new HashSet<>();
            mine.forEach(c -> claimed.add(c.seat()));
            long free = screening.getValue().stream().filter(s -> !claimed.contains(s)).count();
            if (sold + held + free != screening.getValue().size()) {
                mismatches++;
            }
        }
        return mismatches + claims.stream().filter(c -> !hallSeats.containsKey(c.screeningId())).count();
    }

    private static long free(List<ClaimRow> claims, Map<Long, Set<String>> hallSeats) {
        Set<String> claimed = new HashSet<>();
        claims.forEach(c -> claimed.add(c.screeningId() + "/" + c.seat()));
        return hallSeats.entrySet().stream().mapToLong(e -> e.getValue().stream()
                .filter(s -> !claimed.contains(e.getKey() + "/" + s)).count()).sum();
    }
}
