package dev.marquee.orderapi.order;

public final class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(String orderId) {
        super("No order with id " + orderId + ".");
    }
}
