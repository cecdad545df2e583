package dev.marquee.orderapi.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer's order for seats of one screening. It guards its own state machine: each transition checks the
 * current state, answers {@code false} for a repeat of the transition already made (redelivered events), and
 * throws {@link IllegalOrderTransitionException} for one that the state does not allow.
 */
@Entity
@Table(name = "customer_order")
public class Order {

    @Id
    private String id;
    private String customerId;
    private long screeningId;
    private long hallId;
    private int seatCount;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    private long amountMinor;
    private String currency;
    private Instant holdDeadline;
    private String rejectReason;
    private String rejectDetail;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_seat", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    @Column(name = "seat_label")
    private List<String> seats = new ArrayList<>();

    protected Order() {
    }

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

    /** The allocator held {@code heldSeats} until {@code deadline}. */
    public boolean hold(List<String> heldSeats, Instant deadline, Instant now) {
        if (status == OrderStatus.HELD && deadline.equals(holdDeadline)) {
            return false;
        }
        require(OrderStatus.REQUESTED, "be held");
        if (heldSeats.size() != seatCount || !seats.isEmpty() && !seats.equals(heldSeats)) {
            throw new IllegalStateException("order " + id + " asked for " + (seats.isEmpty() ? seatCount + " seats"
                    : seats) + " but " + heldSeats + " were held");
        }
        seats = new ArrayList<>(heldSeats);
        status = OrderStatus.HELD;
        holdDeadline = deadline;
        updatedAt = now;
        return true;
    }

    /** The allocator could not give the seats, for {@code reason} (a stable code). */
    public boolean reject(String reason, String detail, Instant now) {
        if (status == OrderStatus.REJECTED && reason.equals(rejectReason)) {
            return false;
        }
        require(OrderStatus.REQUESTED, "be rejected");
        status = OrderStatus.REJECTED;
        rejectReason = reason;
        rejectDetail = detail;
        updatedAt = now;
        return true;
    }

    /** The customer says they paid; nothing else changes until the gateway confirms. */
    public boolean claimPayment(Instant now) {
        if (status == OrderStatus.PAYMENT_PENDING) {
            return false;
        }
        require(OrderStatus.HELD, "await its payment");
        status = OrderStatus.PAYMENT_PENDING;
        updatedAt = now;
        return true;
    }

    /**
     * A verified payment sold the seats: from a live hold, or, when the money came late, after the hold lapsed or
     * was cancelled and the same seats could be taken again.
     */
    public boolean paid(Instant now) {
        if (status == OrderStatus.PAID) {
            return false;
        }
        require(EnumSet.of(OrderStatus.HELD, OrderStatus.PAYMENT_PENDING, OrderStatus.EXPIRED, OrderStatus.CANCELLED),
                "be paid");
        status = OrderStatus.PAID;
        updatedAt = now;
        return true;
    }

    /** A payment failed or was flagged: a payment in flight is no longer, the hold keeps its deadline. */
    public boolean paymentFailed(Instant now) {
        if (status != OrderStatus.PAYMENT_PENDING) {
            return false;
        }
        status = OrderStatus.HELD;
        updatedAt = now;
        return true;
    }

    /**
     * Money came that cannot buy the seats (they are gone, or the order never held any) and goes back. A refund of
     * a second payment of a paid order leaves the order paid.
     */
    public boolean refundPending(Instant now) {
        if (EnumSet.of(OrderStatus.PAID, OrderStatus.REFUND_PENDING, OrderStatus.REFUNDED).contains(status)) {
            return false;
        }
        require(EnumSet.of(OrderStatus.HELD, OrderStatus.PAYMENT_PENDING, OrderStatus.EXPIRED, OrderStatus.CANCELLED,
                OrderStatus.REJECTED), "await a refund");
        status = OrderStatus.REFUND_PENDING;
        updatedAt = now;
        return true;
    }

    /** The gateway gave the money back. */
    public boolean refunded(Instant now) {
        if (status != OrderStatus.REFUND_PENDING) {
            return false;
        }
        status = OrderStatus.REFUNDED;
        updatedAt = now;
        return true;
    }

    private void require(Set<OrderStatus> expected, String transition) {
        if (!expected.contains(status)) {
            throw new IllegalOrderTransitionException(id, status, transition);
        }
    }

    /** The customer gave the held seats back. */
    public boolean cancel(Instant now) {
        if (status == OrderStatus.CANCELLED) {
            return false;
        }
        require(OrderStatus.HELD, "be cancelled");
        status = OrderStatus.CANCELLED;
        updatedAt = now;
        return true;
    }

    /** The hold's deadline passed without a payment; an order that ended otherwise meanwhile stays as it is. */
    public boolean expire(Instant now) {
        if (status != OrderStatus.HELD && status != OrderStatus.PAYMENT_PENDING) {
            return false;
        }
        status = OrderStatus.EXPIRED;
        updatedAt = now;
        return true;
    }

    /** A payment in flight bought the hold more time (once; the expiry worker decides). */
    public boolean extendHold(Instant deadline, Instant now) {
        if (status != OrderStatus.HELD && status != OrderStatus.PAYMENT_PENDING || deadline.equals(holdDeadline)) {
            return false;
        }
        holdDeadline = deadline;
        updatedAt = now;
        return true;
    }

    private void require(OrderStatus expected, String transition) {
        if (status != expected) {
            throw new IllegalOrderTransitionException(id, status, transition);
        }
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
