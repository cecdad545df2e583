package dev.marquee.launcher.bench;

import java.time.Duration;

/** The chaos bench's settings (see ChaosCommand's options). */
record ChaosPlan(double rate, int clients, int maxSeats, double duplicates, Duration hold, Duration lease,
                 Duration baseline, Duration window, Duration faultTimeout, Duration drain, long seed) {
}
