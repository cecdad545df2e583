package dev.marquee.orderapi.order;

/** The order's life (DESIGN §2). */
public enum OrderStatus {
    REQUESTED, HELD, PAYMENT_PENDING, PAID, REJECTED, EXPIRED, CANCELLED, REFUND_PENDING, REFUNDED
}
