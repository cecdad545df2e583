package dev.marquee.orderapi.order;

/** Only a held order can be cancelled; {@code status} says what it is instead. */
public final class OrderNotCancellableException extends RuntimeException {

    private final OrderStatus status;

    OrderNotCancellableException(String orderId, OrderStatus status, String why) {
        super("Order " + orderId + " cannot be cancelled: " + why, null, false, false);
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }
}
