package dev.marquee.orderapi.payment;

import java.time.Instant;

/**
 * One attempt to pay an order at one gateway; its id is the gateway's {@code out_trade_no}. Verdicts only move it
 * forward: once PAID, a late failure notice changes nothing; once refunded, nothing does. {@link Payments} stores
 * it as orders are stored: a change is written against the version it was read at, and no change not at all.
 */
public class Payment {

    private String id;
    private String orderId;
    private String gateway;
    private long amountMinor;
    private String currency;
    private PaymentStatus status;
    private String tradeNo;
    private String reason;
    private boolean retaken;
    private Instant createdAt;
    private Instant updatedAt;
    /** The row as {@link Payments} last read or wrote it (null: never stored), and that row's version. */
    private PaymentRow stored;
    private long version;

    Payment(String id, String orderId, String gateway, long amountMinor, String currency, Instant now) {
        this.id = id;
        this.orderId = orderId;
        this.gateway = gateway;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.status = PaymentStatus.STARTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The payment a stored row describes, at that row's version. */
    static Payment of(PaymentRow row, long version) {
        Payment payment = new Payment(row.id(), row.orderId(), row.gateway(), row.amountMinor(), row.currency(),
                row.createdAt());
        payment.status = row.status();
        payment.tradeNo = row.tradeNo();
        payment.reason = row.reason();
        payment.retaken = row.retaken();
        payment.updatedAt = row.updatedAt();
        payment.storedAs(row, version);
        return payment;
    }

    /** The payment as it is now, to be written. */
    PaymentRow row() {
        return new PaymentRow(id, orderId, gateway, amountMinor, currency, status, tradeNo, reason, retaken,
                createdAt, updatedAt);
    }

    /** The row last read or written; null while the payment was never stored. */
    PaymentRow stored() {
        return stored;
    }

    /** The version of {@link #stored()}, which a write of a change must still find. */
    long version() {
        return version;
    }

    void storedAs(PaymentRow row, long version) {
        this.stored = row;
        this.version = version;
    }

    void claimed(Instant now) {
        if (status == PaymentStatus.STARTED) {
            move(PaymentStatus.CLAIMED, now);
        }
    }

    void paid(String tradeNo, boolean retaken, Instant now) {
        if (status.open() || status == PaymentStatus.FAILED) {
            this.tradeNo = tradeNo;
            this.retaken = retaken;
            this.reason = null;
            move(PaymentStatus.PAID, now);
        }
    }

    void failed(String tradeNo, String reason, boolean flagged, Instant now) {
        if (status.open() || status == PaymentStatus.FAILED && flagged) {
            this.tradeNo = tradeNo;
            this.reason = reason;
            move(flagged ? PaymentStatus.FLAGGED : PaymentStatus.FAILED, now);
        }
    }

    void refundPending(String tradeNo, String reason, Instant now) {
        boolean anotherTradeOfAPaidPayment = status == PaymentStatus.PAID && !tradeNo.equals(this.tradeNo);
        if (status != PaymentStatus.REFUND_PENDING && status != PaymentStatus.REFUNDED && !anotherTradeOfAPaidPayment) {
            this.tradeNo = tradeNo;
            this.reason = reason;
            move(PaymentStatus.REFUND_PENDING, now);
        }
    }

    void refunded(Instant now) {
        if (status == PaymentStatus.REFUND_PENDING) {
            move(PaymentStatus.REFUNDED, now);
        }
    }

    private void move(PaymentStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public String gateway() {
        return gateway;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String currency() {
        return currency;
    }

    public PaymentStatus status() {
        return status;
    }

    public String tradeNo() {
        return tradeNo;
    }

    public String reason() {
        return reason;
    }

    public boolean retaken() {
        return retaken;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
