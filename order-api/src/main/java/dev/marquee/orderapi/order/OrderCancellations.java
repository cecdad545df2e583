package dev.marquee.orderapi.order;

import java.util.List;

/** Where a cancellation goes: its events, through the outbox, in the cancellation's transaction. */
public interface OrderCancellations {

    void cancelled(Order order, List<String> releasedSeats, long fencingToken);
}
