package dev.marquee.orderapi.order.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import dev.marquee.events.OrderCancelled;
import dev.marquee.events.SeatsReleased;
import dev.marquee.orderapi.order.Order;
import dev.marquee.orderapi.order.OrderCancellations;
import dev.marquee.orderapi.outbox.Outbox;
import dev.marquee.schemas.Topics;
import org.springframework.stereotype.Component;

/** A cancellation's events, {@code SeatsReleased} (cause CANCELLED) and {@code OrderCancelled}, into the outbox. */
@Component
class OrderCancelledOutbox implements OrderCancellations {

    private final Outbox outbox;

    OrderCancelledOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void cancelled(Order order, List<String> releasedSeats, long fencingToken) {
        if (!releasedSeats.isEmpty()) {
            SeatsReleased released = SeatsReleased.newBuilder()
                    .setEventId(id("SeatsReleased:CANCELLED:", order))
                    .setOccurredAt(order.updatedAt())
                    .setOrderId(order.id())
                    .setScreeningId(order.screeningId())
                    .setHallId(order.hallId())
                    .setSeats(releasedSeats)
                    .setCause("CANCELLED")
                    .setFencingToken(fencingToken)
                    .build();
            outbox.append(Topics.SEAT_EVENTS, order.id(), released.getEventId(), released);
        }
        OrderCancelled cancelled = OrderCancelled.newBuilder()
                .setEventId(id("OrderCancelled:", order))
                .setOccurredAt(order.updatedAt())
                .setOrderId(order.id())
                .build();
        outbox.append(Topics.ORDER_EVENTS, order.id(), cancelled.getEventId(), cancelled);
    }

    private static String id(String kind, Order order) {
        return UUID.nameUUIDFromBytes((kind + order.id()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
