package dev.marquee.payments;

import java.util.Optional;

/** Orders as order-api keeps them, with their screening's movie and cinema; read-only here. */
public interface Orders {

    Optional<OrderSnapshot> find(String orderId);
}
