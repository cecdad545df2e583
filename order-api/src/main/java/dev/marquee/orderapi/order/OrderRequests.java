package dev.marquee.orderapi.order;

import dev.marquee.orderapi.catalog.Screening;

/** Where an accepted order goes next: to the allocator, through the outbox, in the order's transaction. */
public interface OrderRequests {

    void requested(Order order, Screening screening);
}
