package dev.marquee.orderapi.order;

/** An order was asked to move to a state its current state does not lead to. */
public final class IllegalOrderTransitionException extends IllegalStateException {

    IllegalOrderTransitionException(String orderId, OrderStatus from, String transition) {
        super("order " + orderId + " cannot " + transition + " while " + from);
    }
}
