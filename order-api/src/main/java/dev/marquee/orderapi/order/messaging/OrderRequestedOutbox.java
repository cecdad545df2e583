package dev.marquee.orderapi.order.messaging;


import dev.marquee.events.OrderRequested;
import dev.marquee.orderapi.catalog.Screening;
import dev.marquee.orderapi.order.Order;
import dev.marquee.orderapi.order.OrderRequests;
import dev.marquee.orderapi.outbox.Outbox;
import dev.marquee.schemas.Topics;
import dev.marquee.support.ids.TimeOrderedIds;
import org.springframework.stereotype.Component;

/** Turns an accepted order into an OrderRequested event in the outbox, keyed by hall. */
@Component
class OrderRequestedOutbox implements OrderRequests {

    private final Outbox outbox;

    OrderRequestedOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void requested(Order order, Screening screening) {
        OrderRequested event = OrderRequested.newBuilder()
                .setEventId(TimeOrderedIds.nextText())
                .setOccurredAt(order.createdAt())
                .setOrderId(order.id())
                .setCustomerId(order.customerId())
                .setScreeningId(screening.id())
                .setHallId(order.hallId())
                .setMovieId(screening.movie().id())
                .setCinemaId(screening.hall().cinema().id())
                .setScreeningStartsAt(screening.startsAt())
                .setSeats(order.seats())
                .setAnySeats(order.seats().isEmpty() ? order.seatCount() : 0)
                .setAmountMinor(order.amountMinor())
                .setCurrency(order.currency())
                .build();
        outbox.append(Topics.ORDER_REQUESTS, Long.toString(order.hallId()), event.getEventId(), event);
    }
}
