package dev.marquee.launcher.bench;

import java.time.Duration;

/** What {@code bench payments} does; see {@link PaymentsCommand} for the options. */
record PaymentsPlan(int orders, int clients, double rate, double duplicates, double late, Duration hold,
                    String gateway, Duration timeout, long seed) {
}
