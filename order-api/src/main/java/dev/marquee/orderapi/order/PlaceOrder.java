package dev.marquee.orderapi.order;

import java.util.List;

/** A customer asks for these seats of a screening. */
public record PlaceOrder(String customerId, long screeningId, List<String> seats) {

    public PlaceOrder {
        seats = List.copyOf(seats);
    }
}
