package dev.marquee.orderapi.ratelimit.web;

import dev.marquee.orderapi.ratelimit.RateLimiting.Charge;

/** An order placement's rate-limit draw, carried from the filter to the gate as a request attribute. */
final class OrderAdmission {

    static final String ATTRIBUTE = OrderAdmission.class.getName();

    private final Charge caller;
    private boolean drawn;

    OrderAdmission(Charge caller) {
        this.caller = caller;
    }

    Charge caller() {
        return caller;
    }

    /** Whether the draw was made (by the gate): otherwise the filter defers the caller's token. */
    boolean drawn() {
        return drawn;
    }

    void markDrawn() {
        drawn = true;
    }
}
