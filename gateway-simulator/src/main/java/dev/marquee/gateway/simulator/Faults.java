package dev.marquee.gateway.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What goes wrong with a trade's notifications, on purpose.
 *
 * @param duplicates       extra copies of the notification, each delivered (and resent) on its own, same notify id
 * @param delay            wait before the first send (scaled like every other delay)
 * @param reorder          for a successful trade, also send a failure notification (its own notify id) once the
 *                         success was delivered: a late, out-of-order message a correct merchant ignores
 * @param corruptSignature flip one character of every signature sent, so that the merchant must refuse them
 */
public record Faults(int duplicates, Duration delay, boolean reorder, boolean corruptSignature) {

    public Faults {
        if (duplicates < 0) {
            throw new IllegalArgumentException("duplicates must not be negative: " + duplicates);
        }
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
    }

    /** Every notification sent once, at once, correctly signed. */
    public static Faults none() {
        return new Faults(0, Duration.ZERO, false, false);
    }
}
