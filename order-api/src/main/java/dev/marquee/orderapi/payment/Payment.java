package dev.marquee.orderapi.payment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One attempt to pay an order at one gateway; its id is the gateway's {@code out_trade_no}. Verdicts only move it
 * forward: once PAID, a late failure notice changes nothing; once refunded, nothing does.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    private String id;
    private String orderId;
    private String gateway;
    private long amountMinor;
    private String currency;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    private String tradeNo;
    private String reason;
    private boolean retaken;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Payment() {
    }

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

    /**
     * The optimistic lock's version, null until the payment is first stored. Spring Data reads it on every save to
     * tell a new payment from a stored one: without this getter its bean wrapper threw and caught a
     * NotReadablePropertyException (stack trace and all) before falling back to the field, once per save.
     */
    public Long getVersion() {
        return version;
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
