package dev.marquee.gateway.simulator;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One copy of a notice on its way to the merchant, with the tries made so far and what to start once it is done
 * (acknowledged or given up).
 */
final class Delivery {

    private final CallbackFormat format;
    private final Notice notice;
    private final Runnable andThen;
    private final AtomicInteger tries = new AtomicInteger();

    Delivery(CallbackFormat format, Notice notice, Runnable andThen) {
        this.format = format;
        this.notice = notice;
        this.andThen = andThen;
    }

    CallbackFormat format() {
        return format;
    }

    Notice notice() {
        return notice;
    }

    /** Counts a try and returns how many were made, this one included. */
    int tried() {
        return tries.incrementAndGet();
    }

    void andThen() {
        andThen.run();
    }

    @Override
    public String toString() {
        return notice.trade().gateway() + " notice " + notice.notifyId() + " (" + notice.outcome() + ") of trade "
                + notice.trade().tradeNo() + " to " + notice.notifyUrl();
    }
}
