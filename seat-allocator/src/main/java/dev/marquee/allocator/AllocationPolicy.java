package dev.marquee.allocator;

import java.time.Duration;

/** How the allocator decides: the seat rules, best-available selection and how long a hold lasts. */
public record AllocationPolicy(SeatRules rules, BestAvailable bestAvailable, Duration holdFor) {
}
