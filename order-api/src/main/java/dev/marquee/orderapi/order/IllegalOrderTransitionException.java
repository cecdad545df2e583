package dev.marquee.orderapi.order;

/**
 * A customer's command (claiming a payment) that the order's state refuses. Events are never refused: the order's
 * state machine is total (see {@link Order}).
 */
public final class IllegalOrderTransitionException extends IllegalStateException {

    IllegalOrderTransitionException(String orderId, OrderStatus from, String transition) {
        super("order " + orderId + " cannot " + transition + " while " + from);
    }
}
