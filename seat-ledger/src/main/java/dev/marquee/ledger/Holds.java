package dev.marquee.ledger;

import static dev.marquee.ledger.SeatLedger.instant;
import static dev.marquee.ledger.SeatLedger.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.marquee.ledger.HoldNotCancellableException.Reason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How holds end: released when their deadline passed unpaid, extended once while a payment is in flight,
 * cancelled by the customer, closed as paid. Writes run inside the caller's transaction, after
 * {@link HallFence#admit}; an allocation is closed at most once ({@code closed_at IS NULL} guards every close).
 */
public class Holds {

    private static final String OPEN_LAPSED = " outcome = 'HELD' AND closed_at IS NULL AND hold_until <= ?";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public Holds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Halls with open holds past their deadline at {@code now}, found among the {@code scanLimit} oldest. */
    public List<Long> hallsWithLapsedHolds(Instant now, int scanLimit) {
        return jdbc.queryForList("SELECT DISTINCT hall_id FROM (SELECT hall_id FROM allocation WHERE" + OPEN_LAPSED
                + " ORDER BY hold_until LIMIT ?) lapsed", Long.class, timestamp(now), scanLimit);
    }

    /** The hall's open holds past their deadline, oldest first, locked until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OpenHold> lapsedForUpdate(long hallId, Instant now, int limit) {
        return jdbc.query("SELECT order_id, screening_id, hall_id, seats, hold_until, extended_at, fencing_token,"
                + " payment_until FROM allocation WHERE hall_id = ? AND" + OPEN_LAPSED + " ORDER BY hold_until LIMIT ? FOR UPDATE",
                Holds::openHold, hallId, timestamp(now), limit);
    }

    /** The screening's holds nobody closed yet, whatever their deadline, locked until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OpenHold> openOfScreeningForUpdate(long hallId, long screeningId) {
        return jdbc.query("SELECT order_id, screening_id, hall_id, seats, hold_until, extended_at, fencing_token,"
                + " payment_until FROM allocation WHERE hall_id = ? AND outcome = 'HELD' AND closed_at IS NULL"
                + " AND screening_id = ? FOR UPDATE", Holds::openHold, hallId, screeningId);
    }

    /**
     * Closes these holds as {@link ClosedBy#SHOW_CANCELLED}: deletes each order's held (unsold) claims, whatever
     * their deadline, and closes its allocation with the labels given back.
     *
     * @return the labels released, by order id, in the allocation's seat order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, List<String>> releaseCancelled(List<OpenHold> open, Instant now) {
        Map<String, List<String>> released = new java.util.LinkedHashMap<>();
        for (OpenHold hold : open) {
            List<String> deleted = hold.seats().stream().filter(seat -> jdbc.update("DELETE FROM seat_claim"
                    + " WHERE screening_id = ? AND seat_label = ? AND order_id = ? AND hold_until IS NOT NULL",
                    hold.screeningId(), seat, hold.orderId()) == 1).toList();
            released.put(hold.orderId(), deleted);
        }
        close(released.entrySet().stream()
                .map(e -> new HoldClosing(e.getKey(), ClosedBy.SHOW_CANCELLED, e.getValue())).toList(), now);
        return released;
    }

    /**
     * Every hold of the screening closed as {@link ClosedBy#SHOW_CANCELLED}, now or before: order id → the labels
     * its closing gave back (so that their events can be sent again after a failure).
     */
    public Map<String, List<String>> closedByCancellation(long screeningId) {
        Map<String, List<String>> closed = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT order_id, released FROM allocation WHERE screening_id = ? AND closed_by = ?"
                + " ORDER BY order_id", rs -> {
                    closed.put(rs.getString("order_id"), labels(rs.getString("released")));
                }, screeningId, ClosedBy.SHOW_CANCELLED.name());
        return closed;
    }

    /** Every claim these orders have, live, lapsed or sold, by order id; an order without claims is absent. */
    public Map<String, List<SeatClaim>> claimsOf(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return named.query("SELECT " + SeatLedger.CLAIM_COLUMNS + " FROM seat_claim WHERE order_id IN (:ids)", Map.of("ids", orderIds), SeatLedger::claim)
                .stream().collect(Collectors.groupingBy(SeatClaim::orderId));
    }

    /**
     * Deletes these holds, each only if it is still the same order's hold and lapsed at {@code now}.
     *
     * @return the holds deleted; a seat sold or taken over by another order meanwhile stays and is not among them
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<SeatClaim> release(List<SeatClaim> holds, Instant now) {
        int[][] deleted = jdbc.batchUpdate("DELETE FROM seat_claim WHERE screening_id = ? AND seat_label = ?"
                + " AND order_id = ? AND " + SeatLedger.LAPSED_AT, holds, 500, (ps, c) -> {
                    ps.setLong(1, c.screeningId());
                    ps.setString(2, c.seatLabel());
                    ps.setString(3, c.orderId());
                    ps.setTimestamp(4, timestamp(now));
                });
        int[] counts = Arrays.stream(deleted).flatMapToInt(Arrays::stream).toArray();
        return IntStream.range(0, holds.size()).filter(i -> counts[i] > 0).mapToObj(holds::get).toList();
    }

    /**
     * Gives a hold its one extension: the allocation and the order's own held claims on these seats get the new
     * deadline, the claims this writer's fencing token. Refuses (and so rolls back) a hold already extended or
     * closed, and a seat no longer held by the order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void extend(OpenHold hold, List<String> seats, Instant newDeadline, long fencingToken, Instant now) {
        int allocation = jdbc.update("UPDATE allocation SET hold_until = ?, extended_at = ? WHERE order_id = ?"
                        + " AND outcome = 'HELD' AND closed_at IS NULL AND extended_at IS NULL",
                timestamp(newDeadline), timestamp(now), hold.orderId());
        int claims = seats.isEmpty() ? 0 : named.update("UPDATE seat_claim SET hold_until = :until, fencing_token ="
                        + " :token WHERE screening_id = :screening AND order_id = :order AND hold_until IS NOT NULL"
                        + " AND seat_label IN (:seats)",
                Map.of("until", timestamp(newDeadline), "token", fencingToken, "screening", hold.screeningId(),
                        "order", hold.orderId(), "seats", seats));
        if (allocation != 1 || claims != seats.size()) {
            throw new IllegalStateException("order " + hold.orderId() + ": hold changed under the hall lock ("
                    + allocation + " allocation, " + claims + " of " + seats.size()
                    + " claims extended); the transaction is rolled back");
        }
    }

    /**
     * Closes these holds, each only if nobody closed it before.
     *
     * @return the order ids this writer closed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> close(List<HoldClosing> closings, Instant now) {
        int[][] updated = jdbc.batchUpdate("UPDATE allocation SET closed_at = ?, closed_by = ?, released = ?"
                + " WHERE order_id = ? AND closed_at IS NULL", closings, 500, (ps, c) -> {
                    ps.setTimestamp(1, timestamp(now));
                    ps.setString(2, c.by().name());
                    ps.setString(3, String.join(",", c.released()));
                    ps.setString(4, c.orderId());
                });
        int[] counts = Arrays.stream(updated).flatMapToInt(Arrays::stream).toArray();
        return IntStream.range(0, closings.size()).filter(i -> counts[i] > 0)
                .mapToObj(i -> closings.get(i).orderId()).toList();
    }

    /** See {@link SeatLedger#markPaymentInFlight}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Instant> markPaymentInFlight(String orderId, Duration extension, Instant now) {
        Optional<Markable> hold = jdbc.query("SELECT hold_until, payment_until FROM allocation WHERE order_id = ?"
                        + " AND outcome = 'HELD' AND closed_at IS NULL FOR UPDATE",
                (rs, n) -> new Markable(instant(rs.getTimestamp("hold_until")),
                        instant(rs.getTimestamp("payment_until"))), orderId).stream().findFirst();
        if (hold.isEmpty()) {
            return Optional.empty();
        }
        if (hold.get().paymentUntil() != null) {
            return Optional.of(hold.get().paymentUntil());
        }
        List<SeatClaim> claims = claimsOf(List.of(orderId)).getOrDefault(orderId, List.of());
        if (!hold.get().holdUntil().isAfter(now) || claims.isEmpty() || claims.stream().anyMatch(SeatClaim::isSold)) {
            return Optional.empty();
        }
        Instant until = hold.get().holdUntil().plus(extension);
        jdbc.update("UPDATE allocation SET payment_until = ? WHERE order_id = ?", timestamp(until), orderId);
        jdbc.update("UPDATE seat_claim SET payment_until = ? WHERE order_id = ? AND hold_until IS NOT NULL",
                timestamp(until), orderId);
        return Optional.of(until);
    }

    /** See {@link SeatLedger#cancelHold}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> cancel(String orderId, Instant now) {
        Closable hold = jdbc.query("SELECT outcome, seats, closed_by, released FROM allocation WHERE order_id = ?"
                        + " FOR UPDATE", (rs, n) -> new Closable(rs.getString("outcome"), labels(rs.getString("seats")),
                        rs.getString("closed_by"), labels(rs.getString("released"))), orderId)
                .stream().findFirst()
                .filter(h -> h.outcome().equals(Allocation.Outcome.HELD.name()))
                .orElseThrow(() -> new HoldNotCancellableException(orderId, Reason.NO_HOLD, "no seats were held"));
        if (hold.closedBy() != null) {
            return cancelledBefore(orderId, hold);
        }
        List<SeatClaim> claims = claimsOf(List.of(orderId)).getOrDefault(orderId, List.of());
        if (claims.stream().anyMatch(SeatClaim::isSold)) {
            throw new HoldNotCancellableException(orderId, Reason.SOLD, "its seats are sold");
        }
        List<SeatClaim> live = claims.stream().filter(c -> c.isLiveAt(now)).toList();
        if (live.isEmpty()) {
            throw new HoldNotCancellableException(orderId, Reason.LAPSED, "its hold lapsed");
        }
        List<String> released = deleteLive(hold.seats(), live, now);
        close(List.of(new HoldClosing(orderId, ClosedBy.CANCELLED, released)), now);
        return released;
    }

    private static List<String> cancelledBefore(String orderId, Closable hold) {
        return switch (ClosedBy.valueOf(hold.closedBy())) {
            case CANCELLED -> hold.released();
            case EXPIRED -> throw new HoldNotCancellableException(orderId, Reason.EXPIRED, "its hold was released");
            case PAID -> throw new HoldNotCancellableException(orderId, Reason.PAID, "its seats were sold");
            case SHOW_CANCELLED -> throw new HoldNotCancellableException(orderId, Reason.EXPIRED,
                    "its hold was released: the screening was cancelled");
        };
    }

    /** Deletes the order's live holds; the labels released come in the allocation's seat order. */
    private List<String> deleteLive(List<String> seats, List<SeatClaim> live, Instant now) {
        List<SeatClaim> deleted = live.stream().filter(claim -> jdbc.update("DELETE FROM seat_claim"
                        + " WHERE screening_id = ? AND seat_label = ? AND order_id = ? AND hold_until > ?",
                claim.screeningId(), claim.seatLabel(), claim.orderId(), timestamp(now)) == 1).toList();
        return seats.stream().filter(seat -> deleted.stream().anyMatch(c -> c.seatLabel().equals(seat))).toList();
    }

    private static OpenHold openHold(ResultSet rs, int row) throws SQLException {
        return new OpenHold(rs.getString("order_id"), rs.getLong("screening_id"), rs.getLong("hall_id"),
                labels(rs.getString("seats")), instant(rs.getTimestamp("hold_until")),
                instant(rs.getTimestamp("extended_at")), rs.getLong("fencing_token"),
                instant(rs.getTimestamp("payment_until")));
    }

    private static List<String> labels(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    private record Markable(Instant holdUntil, Instant paymentUntil) {
    }

    private record Closable(String outcome, List<String> seats, String closedBy, List<String> released) {
    }
}
