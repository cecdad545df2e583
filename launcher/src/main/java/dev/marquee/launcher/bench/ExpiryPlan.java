package dev.marquee.launcher.bench;

import java.time.Duration;

/** What {@code bench expiry} does; see {@link ExpiryCommand} for the options. */
record ExpiryPlan(int orders, double unpaid, Duration hold, Duration sweepInterval, int clients, Duration timeout,
                  long seed) {
}
