package dev.marquee.payments;

/**
 * A callback names an order the allocator decided but whose OrderRequested this listener has not read yet (its
 * {@code order-requests} consumer is behind): the callback is tried again until it is known. A transient failure.
 */
public class OrderNotKnownYetException extends RuntimeException {

    public OrderNotKnownYetException(String orderId) {
        super("order " + orderId + " was allocated but its OrderRequested has not been read here yet");
    }
}
