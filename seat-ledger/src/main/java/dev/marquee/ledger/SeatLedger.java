package dev.marquee.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes seat claims and allocations. Writes run inside the caller's transaction, after
 * {@link HallFence#admit}; the primary key of {@code seat_claim} is the last word on invariant S1.
 */
public class SeatLedger {

    /** The columns {@link #claim} reads. */
    static final String CLAIM_COLUMNS = "screening_id, seat_label, order_id, customer_id, hold_until, fencing_token,"
            + " payment_until";

    /**
     * A hold lapsed at the parameter's instant: past its deadline, and past its payment's extension if a payment is
     * in flight (what {@link SeatClaim#isLiveAt} says, in SQL).
     */
    static final String LAPSED_AT = "hold_until IS NOT NULL AND COALESCE(GREATEST(hold_until, payment_until),"
            + " hold_until) <= ?";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Holds holds;

    public SeatLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.holds = new Holds(jdbc);
    }

    /** Every claim on the screening's seats, live or lapsed, by seat label. */
    public Map<String, SeatClaim> claims(long screeningId) {
        return jdbc.query("SELECT " + CLAIM_COLUMNS
                        + " FROM seat_claim"
                        + " WHERE screening_id = ?", SeatLedger::claim, screeningId)
                .stream().collect(Collectors.toMap(SeatClaim::seatLabel, Function.identity()));
    }

    /** The claims on these seats of the screening, by seat label; a seat nobody claims is absent. */
    public Map<String, SeatClaim> claims(long screeningId, Collection<String> seatLabels) {
        if (seatLabels.isEmpty()) {
            return Map.of();
        }
        return named.query("SELECT " + CLAIM_COLUMNS
                        + " FROM seat_claim WHERE screening_id = :screening AND seat_label IN (:seats)",
                        Map.of("screening", screeningId, "seats", seatLabels), SeatLedger::claim)
                .stream().collect(Collectors.toMap(SeatClaim::seatLabel, Function.identity()));
    }

    /** Allocations already decided for any of these orders, by order id. */
    public Map<String, Allocation> allocations(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return named.query("SELECT * FROM allocation WHERE order_id IN (:ids)", Map.of("ids", orderIds),
                        SeatLedger::allocation)
                .stream().collect(Collectors.toMap(Allocation::orderId, Function.identity()));
    }

    /**
     * Takes the seats: new claims are inserted (a duplicate key aborts the transaction), and seats whose hold
     * lapsed are taken over from their previous order only if that hold is still the lapsed one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claim(List<SeatClaim> fresh, List<Takeover> takeovers, Instant now) {
        jdbc.batchUpdate("INSERT INTO seat_claim (screening_id, seat_label, order_id, customer_id, hold_until,"
                        + " fencing_token) VALUES (?, ?, ?, ?, ?, ?)", fresh, 500, (ps, c) -> {
                    ps.setLong(1, c.screeningId());
                    ps.setString(2, c.seatLabel());
                    ps.setString(3, c.orderId());
                    ps.setString(4, c.customerId());
                    ps.setTimestamp(5, timestamp(c.holdUntil()));
                    ps.setLong(6, c.fencingToken());
                });
        int[][] updated = jdbc.batchUpdate("UPDATE seat_claim SET order_id = ?, customer_id = ?, hold_until = ?,"
                        + " payment_until = NULL,"
                        + " fencing_token = ?, claimed_at = CURRENT_TIMESTAMP(3) WHERE screening_id = ? AND seat_label = ?"
                        + " AND order_id = ? AND " + LAPSED_AT, takeovers, 500,
                (ps, t) -> {
                    SeatClaim c = t.claim();
                    ps.setString(1, c.orderId());
                    ps.setString(2, c.customerId());
                    ps.setTimestamp(3, timestamp(c.holdUntil()));
                    ps.setLong(4, c.fencingToken());
                    ps.setLong(5, c.screeningId());
                    ps.setString(6, c.seatLabel());
                    ps.setString(7, t.previousOrderId());
                    ps.setTimestamp(8, timestamp(now));
                });
        requireAll(updated, takeovers.size(), "take-overs applied");
    }

    /**
     * Sells the seats of a paid order, with the fencing token admitted at the start of the transaction. Every write
     * is guarded by the claim it expects (its own hold, no claim, or the other order's lapsed hold); if any seat
     * changed since it was read, nothing of the sale stays: the exception rolls the transaction back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sell(Sale sale, long fencingToken, Instant now) {
        int[][] own = jdbc.batchUpdate("UPDATE seat_claim SET hold_until = NULL, payment_until = NULL, fencing_token = ?,"
                        + " claimed_at = CURRENT_TIMESTAMP(3) WHERE screening_id = ? AND seat_label = ? AND order_id = ?"
                        + " AND hold_until IS NOT NULL", sale.ownHolds(), 500, (ps, seat) -> {
                    ps.setLong(1, fencingToken);
                    ps.setLong(2, sale.screeningId());
                    ps.setString(3, seat);
                    ps.setString(4, sale.orderId());
                });
        requireAll(own, sale.ownHolds().size(), "holds of the order sold");
        jdbc.batchUpdate("INSERT INTO seat_claim (screening_id, seat_label, order_id, customer_id, hold_until,"
                + " fencing_token) VALUES (?, ?, ?, ?, NULL, ?)", sale.freeSeats(), 500, (ps, seat) -> {
                    ps.setLong(1, sale.screeningId());
                    ps.setString(2, seat);
                    ps.setString(3, sale.orderId());
                    ps.setString(4, sale.customerId());
                    ps.setLong(5, fencingToken);
                });
        int[][] taken = jdbc.batchUpdate("UPDATE seat_claim SET order_id = ?, customer_id = ?, hold_until = NULL,"
                        + " payment_until = NULL,"
                        + " fencing_token = ?, claimed_at = CURRENT_TIMESTAMP(3) WHERE screening_id = ? AND seat_label = ?"
                        + " AND order_id = ? AND " + LAPSED_AT, sale.lapsedOfOthers(), 500,
                (ps, lapsed) -> {
                    ps.setString(1, sale.orderId());
                    ps.setString(2, sale.customerId());
                    ps.setLong(3, fencingToken);
                    ps.setLong(4, sale.screeningId());
                    ps.setString(5, lapsed.seatLabel());
                    ps.setString(6, lapsed.orderId());
                    ps.setTimestamp(7, timestamp(now));
                });
        requireAll(taken, sale.lapsedOfOthers().size(), "lapsed holds of other orders taken over");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(List<Allocation> allocations) {
        jdbc.batchUpdate("INSERT INTO allocation (order_id, screening_id, hall_id, outcome, seats, hold_until,"
                + " reason, detail, fencing_token, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                allocations, 500, (ps, a) -> {
                    ps.setString(1, a.orderId());
                    ps.setLong(2, a.screeningId());
                    ps.setLong(3, a.hallId());
                    ps.setString(4, a.outcome().name());
                    ps.setString(5, String.join(",", a.seats()));
                    ps.setTimestamp(6, timestamp(a.holdUntil()));
                    ps.setString(7, a.reason());
                    ps.setString(8, a.detail());
                    ps.setObject(9, a.fencingToken());
                    ps.setTimestamp(10, timestamp(a.decidedAt()));
                });
    }

    /**
     * Gives a customer's held seats back. Call it inside the transaction that admitted the hall's fencing token
     * (under the hall's lock), the same transaction that records the order's cancellation:
     * <ul>
     * <li>the order's allocation is HELD, not closed, and the order still holds live seats (deadline after
     * {@code now}, not sold): those claims are deleted, the allocation is closed as {@link ClosedBy#CANCELLED}
     * with the labels released, and the labels are returned in the order's seat order;</li>
     * <li>the hold was closed as CANCELLED before: the labels that cancellation released are returned again and
     * nothing is written (idempotent);</li>
     * <li>otherwise {@link HoldNotCancellableException} says why, and nothing is written: {@code NO_HOLD} (no HELD
     * allocation), {@code SOLD} (a seat of the order is sold), {@code LAPSED} (the deadline passed; the expiry worker
     * releases it), {@code EXPIRED} or {@code PAID} (the expiry worker closed it so).</li>
     * </ul>
     * The allocation row is locked until commit, so a concurrent expiry and cancellation of one order cannot both
     * close it.
     *
     * @return the seat labels released (returned to sale), in the order's seat order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> cancelHold(String orderId, Instant now) {
        return holds.cancel(orderId, now);
    }

    /**
     * A payment of the order is in flight: its hold stays live until its deadline plus {@code extension}, against
     * lazy takeover by new orders and by other orders' late money, and the expiry worker extends it to that instant
     * (once) instead of releasing it. Call it inside the transaction that admitted the hall's fencing token (under
     * the hall's lock). Marking again changes nothing: the extension is granted once, from the hold's deadline.
     *
     * @return until when the hold now stays live; empty when the order has no open hold live at {@code now} (no
     *         HELD allocation, closed, lapsed, or its seats sold), and nothing was written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Instant> markPaymentInFlight(String orderId, Duration extension, Instant now) {
        return holds.markPaymentInFlight(orderId, extension, now);
    }

    private static void requireAll(int[][] counts, int expected, String what) {
        long applied = Arrays.stream(counts).flatMapToInt(Arrays::stream).filter(n -> n == 1).count();
        if (applied != expected) {
            throw new IllegalStateException("a claim changed under the hall lock: " + applied + " of " + expected
                    + " " + what + "; the transaction is rolled back");
        }
    }

    static SeatClaim claim(ResultSet rs, int row) throws SQLException {
        return new SeatClaim(rs.getLong("screening_id"), rs.getString("seat_label"), rs.getString("order_id"),
                rs.getString("customer_id"), instant(rs.getTimestamp("hold_until")), rs.getLong("fencing_token"),
                instant(rs.getTimestamp("payment_until")));
    }

    private static Allocation allocation(ResultSet rs, int row) throws SQLException {
        String seats = rs.getString("seats");
        long value = rs.getLong("fencing_token");
        Long token = rs.wasNull() ? null : value;
        return new Allocation(rs.getString("order_id"), rs.getLong("screening_id"), rs.getLong("hall_id"),
                Allocation.Outcome.valueOf(rs.getString("outcome")),
                seats.isEmpty() ? List.of() : List.of(seats.split(",")), instant(rs.getTimestamp("hold_until")),
                rs.getString("reason"), rs.getString("detail"), token,
                instant(rs.getTimestamp("decided_at")), closedBy(rs.getString("closed_by")),
                instant(rs.getTimestamp("payment_until")));
    }

    private static ClosedBy closedBy(String name) {
        return name == null ? null : ClosedBy.valueOf(name);
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
