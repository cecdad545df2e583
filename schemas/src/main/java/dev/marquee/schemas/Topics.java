package dev.marquee.schemas;

import java.util.List;

/** The Kafka topics of the pipeline; see DESIGN.md section 3 for keys, producers and consumers. */
public final class Topics {

    /** {@code OrderRequested}, keyed by hallId. */
    public static final String ORDER_REQUESTS = "order-requests";
    /**
     * {@code SeatsHeld}, {@code SeatsRejected}, {@code SeatsReleased}, {@code HoldExtended}, {@code TicketsIssued},
     * keyed by orderId.
     */
    public static final String SEAT_EVENTS = "seat-events";
    /** {@code PaymentCallbackReceived}, keyed by orderId. */
    public static final String PAYMENT_CALLBACKS = "payment-callbacks";
    /**
     * {@code OrderPaid}, {@code OrderExpired}, {@code OrderCancelled}, {@code PaymentFailed}, {@code RefundRequested},
     * {@code RefundCompleted}, keyed by orderId.
     */
    public static final String ORDER_EVENTS = "order-events";

    public static final List<String> ALL = List.of(ORDER_REQUESTS, SEAT_EVENTS, PAYMENT_CALLBACKS, ORDER_EVENTS);

    private Topics() {
    }
}
