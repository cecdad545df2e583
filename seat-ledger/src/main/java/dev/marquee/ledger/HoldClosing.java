package dev.marquee.ledger;

import java.util.List;

/** Ends an order's hold: how, and the seats the ending gave back (empty when none were). */
public record HoldClosing(String orderId, ClosedBy by, List<String> released) {

    public HoldClosing {
        released = List.copyOf(released);
    }
}
