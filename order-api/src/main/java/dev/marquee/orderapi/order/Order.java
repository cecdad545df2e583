package dev.marquee.orderapi.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A customer's order for seats of one screening. Its events come from two topics read by two containers and from the
 * customer, so they arrive in any order and some more than once (DESIGN §2). The order therefore keeps the facts it
 * has learnt (held with these seats until then, rejected, expired, cancelled, paid, refund requested, refunded, a
 * payment claimed) and derives its status from them by precedence:
 * <ol>
 * <li>the money's verdict, the first that came: PAID, or REFUND_PENDING then REFUNDED (money that came later is the
 * payment row's business: a second payment of a paid order is refunded, a payment after a refund is absorbed);</li>
 * <li>then CANCELLED, then EXPIRED (an expiry read before the hold still ends the order);</li>
 * <li>then HELD, or PAYMENT_PENDING while a payment the customer claimed has no verdict;</li>
 * <li>then REJECTED, else REQUESTED.</li>
 * </ol>
 * Every event is accepted in every state, and a repeat changes nothing, so every delivery order ends where in-order
 * delivery does ({@code OrderConvergenceTest}); only a corrupt event (a hold of other seats than the order's) is
 * refused, to be set aside. Only the customer's own commands, {@link #cancel} and
 * {@link #claimPayment}, are refused when the state forbids them. Each method answers whether the order changed.
 * <p>
 * {@link Orders} stores it: {@link #row()} is what it writes, and the row it last read or wrote is kept, so that
 * saving an unchanged order writes nothing and a change is checked against the version it was read at.
 */
public class Order {

    /** Reasons for giving back money that was never the order's price (flagged): the order is not touched. */
    /** payment-listener's refund of a cancelled screening's order (SettlementReason.SCREENING_CANCELLED). */
    private static final String SCREENING_CANCELLED = "SCREENING_CANCELLED";
    private static final Set<String> NOT_THE_ORDERS_MONEY = Set.of("UNKNOWN_ORDER", "CURRENCY_MISMATCH",
            "AMOUNT_MISMATCH");

    private String id;
    private String customerId;
    private long screeningId;
    private long hallId;
    private int seatCount;
    /** Derived from the facts below after every change; stored for queries (gauges, the expiry worker). */
    private OrderStatus status;
    private long amountMinor;
    private String currency;
    /** The hold's deadline; once extended, the extension's, whichever of the two events came first. */
    private Instant holdDeadline;
    private String rejectReason;
    private String rejectDetail;
    private Instant createdAt;
    private Instant updatedAt;

    private boolean seatsHeld;
    private boolean holdExtended;
    private boolean expired;
    private boolean cancelled;
    private MoneyVerdict moneyVerdict = MoneyVerdict.NONE;
    /** The payment whose refund decided the order, and why it went back. */
    private String refundPaymentId;
    private String refundReason;

    private List<String> seats = new ArrayList<>();

    /** Payments the customer says were paid and that have no verdict yet. */
    private Set<String> claimedPayments = new HashSet<>();

    /** The row as {@link Orders} last read or wrote it (null: never stored), and that row's version. */
    private OrderRow stored;
    private long version;

    /** The money's first verdict on the order. */
    enum MoneyVerdict { NONE, PAID, REFUND_PENDING, REFUNDED }

    private Order(String id, String customerId, long screeningId, long hallId, List<String> seats, int seatCount,
                  long amountMinor, String currency, Instant now) {
        this.id = id;
        this.customerId = customerId;
        this.screeningId = screeningId;
        this.hallId = hallId;
        this.seats = new ArrayList<>(seats);
        this.seatCount = seatCount;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.status = OrderStatus.REQUESTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** An order for these seats. */
    static Order request(String id, String customerId, long screeningId, long hallId, List<String> seats,
                         long amountMinor, String currency, Instant now) {
        return new Order(id, customerId, screeningId, hallId, seats, seats.size(), amountMinor, currency, now);
    }

    /** An order for any {@code count} seats, the best available; which ones is known once they are held. */
    static Order requestAny(String id, String customerId, long screeningId, long hallId, int count,
                            long amountMinor, String currency, Instant now) {
        return new Order(id, customerId, screeningId, hallId, List.of(), count, amountMinor, currency, now);
    }

    /** The order a stored row describes, at that row's version. */
    static Order of(OrderRow row, long version) {
        Order order = new Order(row.id(), row.customerId(), row.screeningId(), row.hallId(), row.seats(),
                row.seatCount(), row.amountMinor(), row.currency(), row.createdAt());
        order.status = row.status();
        order.holdDeadline = row.holdDeadline();
        order.rejectReason = row.rejectReason();
        order.rejectDetail = row.rejectDetail();
        order.updatedAt = row.updatedAt();
        order.seatsHeld = row.seatsHeld();
        order.holdExtended = row.holdExtended();
        order.expired = row.expired();
        order.cancelled = row.cancelled();
        order.moneyVerdict = row.moneyVerdict();
        order.refundPaymentId = row.refundPaymentId();
        order.refundReason = row.refundReason();
        order.claimedPayments = new HashSet<>(row.claimedPayments());
        order.storedAs(row, version);
        return order;
    }

    /** The order as it is now, to be written. */
    OrderRow row() {
        return new OrderRow(id, customerId, screeningId, hallId, seatCount, status, amountMinor, currency,
                holdDeadline, rejectReason, rejectDetail, createdAt, updatedAt, seatsHeld, holdExtended, expired,
                cancelled, moneyVerdict, refundPaymentId, refundReason, seats, claimedPayments);
    }

    /** The row last read or written; null while the order was never stored. */
    OrderRow stored() {
        return stored;
    }

    /** The version of {@link #stored()}, which a write of a change must still find. */
    long version() {
        return version;
    }

    void storedAs(OrderRow row, long version) {
        this.stored = row;
        this.version = version;
    }

    /**
     * The allocator held {@code heldSeats} until {@code deadline}; whatever else the order learnt first stands.
     *
     * @throws IllegalStateException if these are not the seats the order asked for (a corrupt event, not a state)
     */
    public boolean hold(List<String> heldSeats, Instant deadline, Instant now) {
        if (heldSeats.size() != seatCount || !seats.isEmpty() && !seats.equals(heldSeats)) {
            throw new IllegalStateException("order " + id + " asked for " + (seats.isEmpty() ? seatCount + " seats"
                    : seats) + " but " + heldSeats + " were held");
        }
        boolean changed = !seatsHeld || !seats.equals(heldSeats) || !holdExtended && !deadline.equals(holdDeadline);
        seatsHeld = true;
        if (!seats.equals(heldSeats)) {
            seats = new ArrayList<>(heldSeats);
        }
        holdDeadline = holdExtended ? holdDeadline : deadline;
        return changed(changed, now);
    }

    /** The allocator could not give the seats, for {@code reason} (a stable code); the first answer stands. */
    public boolean reject(String reason, String detail, Instant now) {
        if (rejectReason != null) {
            return false;
        }
        rejectReason = reason;
        rejectDetail = detail;
        return changed(true, now);
    }

    /**
     * A payment in flight bought the hold more time (once; the expiry worker decides, and its deadline is the one
     * the seats have, whether the hold's own event came before or after).
     */
    public boolean extendHold(Instant deadline, Instant now) {
        boolean changed = !holdExtended || deadline.isAfter(holdDeadline);
        holdDeadline = changed ? deadline : holdDeadline;
        holdExtended = true;
        return changed(changed, now);
    }

    /** The hold's deadline passed without a payment and the expiry worker released it. */
    public boolean expire(Instant now) {
        boolean changed = !expired;
        expired = true;
        return changed(changed, now);
    }

    /**
     * A verified payment sold the seats: from a live hold or, money come late, seats taken again. Money that came
     * after the order's refund was decided does not change the order (its payment row records it).
     */
    public boolean paid(Instant now) {
        boolean changed = moneyVerdict == MoneyVerdict.NONE;
        moneyVerdict = changed ? MoneyVerdict.PAID : moneyVerdict;
        return changed(changed, now);
    }

    /** A payment failed or was flagged: if the customer had claimed it, it is no longer in flight. */
    public boolean paymentFailed(String paymentId, Instant now) {
        return changed(claimedPayments.remove(paymentId), now);
    }

    /**
     * Money goes back. Money that could not buy the seats (they are gone, the order was cancelled, the screening
     * started) decides the order: REFUND_PENDING. A refund of a paid order's second payment, or of flagged money
     * (never the order's price), leaves the order as it is. A cancelled screening's refund takes back a paid
     * order's money too: the show will not happen (PAID, then REFUND_PENDING; in the other order, the payment
     * that comes after it is absorbed as after any refund).
     */
    public boolean refundRequested(String paymentId, String reason, Instant now) {
        boolean showCancelled = SCREENING_CANCELLED.equals(reason) && moneyVerdict == MoneyVerdict.PAID;
        if (moneyVerdict != MoneyVerdict.NONE && !showCancelled || NOT_THE_ORDERS_MONEY.contains(reason)) {
            return false;
        }
        moneyVerdict = MoneyVerdict.REFUND_PENDING;
        refundPaymentId = paymentId;
        refundReason = reason;
        return changed(true, now);
    }

    /** The gateway gave a payment's money back; the order is REFUNDED when that was the refund that decided it. */
    public boolean refunded(String paymentId, Instant now) {
        boolean changed = moneyVerdict == MoneyVerdict.REFUND_PENDING
                && (refundPaymentId == null || refundPaymentId.equals(paymentId));
        moneyVerdict = changed ? MoneyVerdict.REFUNDED : moneyVerdict;
        return changed(changed, now);
    }

    /**
     * The customer says it paid {@code paymentIds}: the order shows PAYMENT_PENDING until the gateway's word comes.
     *
     * @throws IllegalOrderTransitionException unless the order is held, its hold still live
     */
    public boolean claimPayment(Set<String> paymentIds, Instant now) {
        if (status != OrderStatus.HELD && status != OrderStatus.PAYMENT_PENDING) {
            throw new IllegalOrderTransitionException(id, status, "await a payment");
        }
        if (!holdDeadline.isAfter(now)) {
            throw new IllegalOrderTransitionException(id, status, "await a payment after its hold lapsed at "
                    + holdDeadline);
        }
        return changed(claimedPayments.addAll(paymentIds), now);
    }

    /**
     * The customer gives the held seats back; again, nothing changes.
     *
     * @throws OrderNotCancellableException unless the order is held, no payment in flight, its hold still live
     */
    public boolean cancel(Instant now) {
        if (cancelled) {
            return false;
        }
        requireCancellable(now);
        cancelled = true;
        return changed(true, now);
    }

    /**
     * Its screening was cancelled and the allocator released its hold (SeatsReleased, cause SCREENING_CANCELLED):
     * the order ends CANCELLED, as if the customer had given the seats back, and money that comes for it is refunded.
     * A hold is all the allocator releases, so a paid order is never here (its refund comes from payment-listener).
     */
    public boolean releasedByCancelledScreening(Instant now) {
        if (cancelled || moneyVerdict != MoneyVerdict.NONE) {
            return false;
        }
        cancelled = true;
        return changed(true, now);
    }

    /** @throws OrderNotCancellableException unless the order is held, no payment in flight, its hold still live */
    public void requireCancellable(Instant now) {
        if (status == OrderStatus.PAYMENT_PENDING) {
            throw new OrderNotCancellableException(id, status, "a payment is in flight");
        }
        if (status != OrderStatus.HELD) {
            throw new OrderNotCancellableException(id, status, "it is " + status + "; only held orders are cancelled");
        }
        if (!holdDeadline.isAfter(now)) {
            throw new OrderNotCancellableException(id, status, "its hold lapsed at " + holdDeadline
                    + " and is being released");
        }
    }

    /** Whether the customer cancelled the order (whatever money did afterwards). */
    public boolean wasCancelled() {
        return cancelled;
    }

    private boolean changed(boolean changed, Instant now) {
        if (changed) {
            status = derivedStatus();
            updatedAt = now;
        }
        return changed;
    }

    private OrderStatus derivedStatus() {
        return switch (moneyVerdict) {
            case PAID -> OrderStatus.PAID;
            case REFUND_PENDING -> OrderStatus.REFUND_PENDING;
            case REFUNDED -> OrderStatus.REFUNDED;
            case NONE -> cancelled ? OrderStatus.CANCELLED
                    : expired ? OrderStatus.EXPIRED
                    : seatsHeld ? (claimedPayments.isEmpty() ? OrderStatus.HELD : OrderStatus.PAYMENT_PENDING)
                    : rejectReason != null ? OrderStatus.REJECTED
                    : OrderStatus.REQUESTED;
        };
    }

    public String id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public long screeningId() {
        return screeningId;
    }

    public long hallId() {
        return hallId;
    }

    public OrderStatus status() {
        return status;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String currency() {
        return currency;
    }

    public Instant holdDeadline() {
        return holdDeadline;
    }

    public String rejectReason() {
        return rejectReason;
    }

    public String rejectDetail() {
        return rejectDetail;
    }

    /** Why the money that decided the order went back (payment-listener's code), if it did. */
    public String refundReason() {
        return refundReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int seatCount() {
        return seatCount;
    }

    /** The seats asked for or, for an "any N" order once held, the seats given. */
    public List<String> seats() {
        return List.copyOf(seats);
    }
}
